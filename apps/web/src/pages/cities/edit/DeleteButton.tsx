import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { FormError } from '../../../ui/form';
import { useApiMutation } from '../../../ui/use-api';

/**
 * Deletes a record after a second, explicit click (asked in the page rather than in a browser dialog, which some
 * browsers suppress and screen readers announce poorly).
 */
export function DeleteButton({
  label,
  question,
  path,
  invalidates,
}: {
  label: string;
  question: string;
  path: string;
  invalidates: string[];
}) {
  const { t } = useTranslation('cities');
  const [asking, setAsking] = useState(false);
  const remove = useApiMutation(() => api<void>(path, { method: 'DELETE' }), { invalidates });
  if (!asking)
    return (
      <button type="button" className="link" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="row" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" className="danger" disabled={remove.pending} onClick={() => void remove.run()}>
        {t('edit.confirmDelete')}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t('edit.cancel')}
      </button>
      <FormError error={remove.error} />
    </span>
  );
}

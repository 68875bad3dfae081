import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useMember, useSession } from '../../api/session';
import { Field, FormError, fieldError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';

export default function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const member = useMember();
  const { updateMember } = useSession();
  const navigate = useNavigate();
  const change = useApiMutation(
    (form: FormData) =>
      api('/auth/password', {
        method: 'POST',
        body: { currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword') },
      }),
    {
      invalidates: ['/auth/sessions'],
      onSuccess: () => {
        updateMember({ ...member, mustChangePassword: false });
        navigate('/', { replace: true });
      },
    },
  );
  const { error, pending: busy } = change;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void change.run(new FormData(event.currentTarget));
  }

  return (
    <form className="card auth-form" onSubmit={submit}>
      <h1>{t('changePassword.title')}</h1>
      {member.mustChangePassword && <p className="warning">{t('changePassword.required')}</p>}
      <Field
        label={t('changePassword.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(error, 'currentPassword')}
      />
      <Field
        label={t('changePassword.new')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t('passwordRule')}
        error={fieldError(error, 'newPassword')}
      />
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {t('changePassword.submit')}
      </button>
    </form>
  );
}

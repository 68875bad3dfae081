import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecognitionStatus, type EcoLabelSchemeResponse, type Page, type RecognitionResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useFormat } from '../../ui/format';
import { Field, FormError, SelectField, TextArea } from '../../ui/form';
import { useApi, useApiMutation } from '../../ui/use-api';
import { FormButtons } from '../cities/edit/CityForm';
import { toNumber, toText, useChecks, useProblems } from '../cities/edit/form-kit';

/**
 * A mutual-recognition agreement of this scheme with another (`POST /eco-labels/recognitions`), optionally limited
 * to some of this scheme's product categories.
 */
export function RecognitionForm({ scheme, onDone }: { scheme: EcoLabelSchemeResponse; onDone(): void }) {
  const { t } = useTranslation('ecolabels');
  const format = useFormat();
  const checks = useChecks();
  const schemes = useApi<Page<EcoLabelSchemeResponse>>('/eco-labels/schemes?limit=100');
  const partners = new Set(scheme.recognitions.flatMap((item) => item.schemes.map((ref) => ref.id)));
  const others = (schemes.data?.items ?? []).filter((item) => item.id !== scheme.id && !partners.has(item.id));
  const [draft, setDraft] = useState({
    otherId: '',
    signedYear: '',
    status: RecognitionStatus.Active,
    description: '',
  });
  const [categoryIds, setCategoryIds] = useState<string[]>([]);
  const save = useApiMutation(
    () =>
      api<RecognitionResponse>('/eco-labels/recognitions', {
        method: 'POST',
        body: {
          schemeIds: [scheme.id, draft.otherId],
          signedYear: toNumber(draft.signedYear),
          status: draft.status,
          description: toText(draft.description),
          categoryIds,
        },
      }),
    { invalidates: ['/eco-labels'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = problems.check({
      schemeIds: checks.required(draft.otherId),
      signedYear: checks.year(draft.signedYear),
      description: checks.maxLength(draft.description, 2000),
    });
    if (ok) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby="recognition-new" noValidate>
      <h3 id="recognition-new">{t('edit.addRecognition')}</h3>
      <div className="filters">
        <SelectField
          label={t('edit.otherScheme')}
          value={draft.otherId}
          onChange={set('otherId')}
          error={problems.text('schemeIds')}
          options={[
            { value: '', label: t('edit.chooseScheme') },
            ...others.map((item) => ({ value: item.id, label: `${item.name} (${format.country(item.country)})` })),
          ]}
        />
        <Field
          label={t('edit.signedYear')}
          inputMode="numeric"
          className="narrow"
          value={draft.signedYear}
          onChange={set('signedYear')}
          error={problems.text('signedYear')}
        />
        <SelectField
          label={t('edit.recognitionStatus')}
          value={draft.status}
          onChange={set('status')}
          options={Object.values(RecognitionStatus).map((value) => ({
            value,
            label: t(`recognitionStatus.${value}`),
          }))}
        />
      </div>
      {scheme.categories.length > 0 && (
        <fieldset className="entries">
          <legend>{t('edit.coveredCategories')}</legend>
          {scheme.categories.map((item) => (
            <label key={item.category.id} className="choice">
              <input
                type="checkbox"
                checked={categoryIds.includes(item.category.id)}
                onChange={(event) =>
                  setCategoryIds((list) =>
                    event.target.checked ? [...list, item.category.id] : list.filter((id) => id !== item.category.id),
                  )
                }
              />{' '}
              {item.category.name}
            </label>
          ))}
        </fieldset>
      )}
      <TextArea
        label={t('edit.description')}
        rows={2}
        value={draft.description}
        onChange={set('description')}
        error={problems.text('description')}
      />
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type EcoLabelSchemeResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { Field, FormError, SelectField, TextArea } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';
import { useCountryOptions } from '../cities/city-format';
import { FormButtons, VisibilityField } from '../cities/edit/CityForm';
import { asText, toNumber, toText, useChecks, useProblems } from '../cities/edit/form-kit';

/** A scheme's own record (`PATCH /eco-labels/schemes/:id`, coordinators and admins). */
export function SchemeForm({ scheme, onDone }: { scheme: EcoLabelSchemeResponse; onDone(): void }) {
  const { t } = useTranslation('ecolabels');
  const countries = useCountryOptions(t('edit.chooseCountry'));
  const checks = useChecks();
  const [draft, setDraft] = useState({
    name: scheme.name,
    localName: asText(scheme.localName),
    country: scheme.country,
    operator: scheme.operator,
    establishedYear: asText(scheme.establishedYear),
    website: asText(scheme.website),
    description: asText(scheme.description),
    visibility: scheme.visibility,
  });
  const save = useApiMutation(
    () =>
      api<EcoLabelSchemeResponse>(`/eco-labels/schemes/${scheme.id}`, {
        method: 'PATCH',
        body: {
          name: draft.name.trim(),
          localName: toText(draft.localName),
          country: draft.country,
          operator: draft.operator.trim(),
          establishedYear: toNumber(draft.establishedYear),
          website: toText(draft.website),
          description: toText(draft.description),
          visibility: draft.visibility,
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
      name: checks.required(draft.name) ?? checks.maxLength(draft.name, 200),
      localName: checks.maxLength(draft.localName, 200),
      country: checks.required(draft.country),
      operator: checks.required(draft.operator) ?? checks.maxLength(draft.operator, 300),
      establishedYear: checks.year(draft.establishedYear),
      website:
        draft.website.trim() && !/^https?:\/\/\S+$/i.test(draft.website.trim()) ? t('edit.websiteFormat') : undefined,
      description: checks.maxLength(draft.description, 4000),
    });
    if (ok) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby="scheme-edit" noValidate>
      <h1 id="scheme-edit">{t('edit.title', { name: scheme.name })}</h1>
      <div className="filters">
        <Field label={t('edit.name')} value={draft.name} onChange={set('name')} error={problems.text('name')} />
        <Field
          label={t('edit.localName')}
          value={draft.localName}
          onChange={set('localName')}
          error={problems.text('localName')}
        />
        <SelectField
          label={t('scheme.country')}
          value={draft.country}
          onChange={set('country')}
          options={countries}
          error={problems.text('country')}
        />
        <Field
          label={t('scheme.operator')}
          value={draft.operator}
          onChange={set('operator')}
          error={problems.text('operator')}
        />
        <Field
          label={t('edit.establishedYear')}
          inputMode="numeric"
          className="narrow"
          value={draft.establishedYear}
          onChange={set('establishedYear')}
          error={problems.text('establishedYear')}
        />
        <Field
          label={t('scheme.website')}
          type="url"
          value={draft.website}
          onChange={set('website')}
          error={problems.text('website')}
        />
        <VisibilityField value={draft.visibility} onChange={(visibility) => setDraft({ ...draft, visibility })} />
      </div>
      <TextArea
        label={t('edit.description')}
        rows={4}
        value={draft.description}
        onChange={set('description')}
        error={problems.text('description')}
      />
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}

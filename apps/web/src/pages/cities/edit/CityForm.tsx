import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordVisibility, type CityResponse } from '@lcc/contracts';
import { api } from '../../../api/client';
import { Field, FormError, SelectField, TextArea } from '../../../ui/form';
import { useApiMutation } from '../../../ui/use-api';
import { useCountryOptions } from '../city-format';
import { asText, toNumber, toText, useChecks, useProblems } from './form-kit';
import './edit-forms.css';

/** The city's own record: names, country, place, description and who may read it (`PATCH /cities/:id`). */
export function CityForm({ city, onDone }: { city: CityResponse; onDone(): void }) {
  const { t } = useTranslation('cities');
  const countries = useCountryOptions(t('edit.chooseCountry'));
  const checks = useChecks();
  const [draft, setDraft] = useState({
    nameEn: city.nameEn,
    nameLocal: asText(city.nameLocal),
    country: city.country,
    areaKm2: asText(city.areaKm2),
    latitude: asText(city.latitude),
    longitude: asText(city.longitude),
    description: asText(city.description),
    visibility: city.visibility,
  });
  const save = useApiMutation(
    () =>
      api<CityResponse>(`/cities/${city.id}`, {
        method: 'PATCH',
        body: {
          nameEn: draft.nameEn.trim(),
          nameLocal: toText(draft.nameLocal),
          country: draft.country,
          areaKm2: toNumber(draft.areaKm2),
          latitude: toNumber(draft.latitude),
          longitude: toNumber(draft.longitude),
          description: toText(draft.description),
          visibility: draft.visibility,
        },
      }),
    { invalidates: ['/cities', '/analysis', '/indicator-values'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = problems.check({
      nameEn: checks.required(draft.nameEn) ?? checks.maxLength(draft.nameEn, 200),
      nameLocal: checks.maxLength(draft.nameLocal, 200),
      country: checks.required(draft.country),
      areaKm2: checks.notNegative(draft.areaKm2),
      latitude: checks.between(draft.latitude, -90, 90),
      longitude: checks.between(draft.longitude, -180, 180),
      description: checks.maxLength(draft.description, 4000),
    });
    if (ok) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby="city-edit" noValidate>
      <h2 id="city-edit">{t('edit.cityTitle')}</h2>
      <div className="filters">
        <Field label={t('edit.nameEn')} value={draft.nameEn} onChange={set('nameEn')} error={problems.text('nameEn')} />
        <Field
          label={t('edit.nameLocal')}
          value={draft.nameLocal}
          onChange={set('nameLocal')}
          error={problems.text('nameLocal')}
        />
        <SelectField
          label={t('city.country')}
          value={draft.country}
          onChange={set('country')}
          options={countries}
          error={problems.text('country')}
        />
        <Field
          label={t('edit.area')}
          inputMode="decimal"
          value={draft.areaKm2}
          onChange={set('areaKm2')}
          error={problems.text('areaKm2')}
        />
        <Field
          label={t('edit.latitude')}
          inputMode="decimal"
          value={draft.latitude}
          onChange={set('latitude')}
          error={problems.text('latitude')}
        />
        <Field
          label={t('edit.longitude')}
          inputMode="decimal"
          value={draft.longitude}
          onChange={set('longitude')}
          error={problems.text('longitude')}
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

/** Who may read a record: everyone (the public site) or members only. */
export function VisibilityField({
  value,
  onChange,
}: {
  value: RecordVisibility;
  onChange(value: RecordVisibility): void;
}) {
  const { t } = useTranslation('cities');
  return (
    <SelectField
      label={t('edit.visibility')}
      value={value}
      onChange={(event) => onChange(event.target.value as RecordVisibility)}
      options={Object.values(RecordVisibility).map((item) => ({
        value: item,
        label: t(`edit.visibilityOption.${item}`),
      }))}
    />
  );
}

/** Save and Cancel. */
export function FormButtons({ pending, onCancel }: { pending: boolean; onCancel(): void }) {
  const { t } = useTranslation('cities');
  return (
    <div className="row">
      <button type="submit" disabled={pending}>
        {pending ? t('edit.saving') : t('edit.save')}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('edit.cancel')}
      </button>
    </div>
  );
}

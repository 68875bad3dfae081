import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DataQuality,
  IndicatorSubject,
  RecordVisibility,
  type IndicatorResponse,
  type IndicatorValueResponse,
  type Page,
} from '@lcc/contracts';
import { api } from '../../../api/client';
import { Field, FormError, SelectField } from '../../../ui/form';
import { useApi, useApiMutation } from '../../../ui/use-api';
import { useIndicatorName } from '../city-format';
import { FormButtons, VisibilityField } from './CityForm';
import { asText, toNumber, useChecks, useProblems } from './form-kit';

/**
 * One figure of the city's series: new (`POST /indicator-values`, in the indicator's own unit) or changed
 * (`PATCH /indicator-values/:id`; indicator and year stay, as they identify the figure).
 */
export function IndicatorValueForm({
  cityId,
  value,
  initialIndicator,
  onDone,
}: {
  cityId: string;
  value?: IndicatorValueResponse;
  initialIndicator?: string;
  onDone(): void;
}) {
  const { t } = useTranslation('cities');
  const checks = useChecks();
  const indicatorName = useIndicatorName();
  const indicators = useApi<Page<IndicatorResponse>>('/indicators?limit=100');
  const forCities = (indicators.data?.items ?? []).filter((item) => item.subjects.includes(IndicatorSubject.City));
  const [draft, setDraft] = useState({
    indicator: value?.indicator ?? initialIndicator ?? '',
    year: asText(value?.year),
    value: asText(value?.value),
    source: value?.source ?? '',
    quality: value?.quality ?? DataQuality.SelfReported,
    visibility: value?.visibility ?? RecordVisibility.Public,
  });
  const unit = value?.unit ?? forCities.find((item) => item.code === draft.indicator)?.unit ?? '';
  const save = useApiMutation(
    () =>
      value
        ? api<IndicatorValueResponse>(`/indicator-values/${value.id}`, {
            method: 'PATCH',
            body: {
              value: toNumber(draft.value),
              source: draft.source.trim(),
              quality: draft.quality,
              visibility: draft.visibility,
            },
          })
        : api<IndicatorValueResponse>('/indicator-values', {
            method: 'POST',
            body: {
              indicator: draft.indicator,
              cityId,
              year: toNumber(draft.year),
              value: toNumber(draft.value),
              unit,
              source: draft.source.trim(),
              quality: draft.quality,
              visibility: draft.visibility,
            },
          }),
    { invalidates: ['/indicator-values', `/cities/${cityId}`, '/analysis'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });
  const headingId = `value-form-${value?.id ?? 'new'}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = problems.check({
      indicator: checks.required(draft.indicator),
      year: checks.required(draft.year) ?? checks.year(draft.year),
      value:
        checks.required(draft.value) ??
        checks.number(draft.value) ??
        (unit === '%' ? checks.percent(draft.value) : undefined),
      source: checks.required(draft.source) ?? checks.maxLength(draft.source, 500),
    });
    if (ok) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>
        {value
          ? t('edit.editValueTitle', { indicator: indicatorName(value.indicator), year: value.year })
          : t('edit.addValue')}
      </h3>
      <div className="filters">
        {!value && (
          <SelectField
            label={t('compare.indicator')}
            value={draft.indicator}
            onChange={set('indicator')}
            error={problems.text('indicator')}
            options={[
              { value: '', label: t('compare.chooseIndicator') },
              ...forCities.map((item) => ({
                value: item.code,
                label: `${indicatorName(item.code, item.name)} (${item.unit})`,
              })),
            ]}
          />
        )}
        {!value && (
          <Field
            label={t('indicators.year')}
            inputMode="numeric"
            className="narrow"
            value={draft.year}
            onChange={set('year')}
            error={problems.text('year')}
          />
        )}
        <Field
          label={unit ? t('edit.valueIn', { unit }) : t('indicators.value')}
          inputMode="decimal"
          value={draft.value}
          onChange={set('value')}
          error={problems.text('value') ?? problems.text('unit')}
        />
        <SelectField
          label={t('edit.quality')}
          value={draft.quality}
          onChange={set('quality')}
          options={Object.values(DataQuality).map((item) => ({ value: item, label: t(`quality.${item}`) }))}
        />
        <VisibilityField value={draft.visibility} onChange={(visibility) => setDraft({ ...draft, visibility })} />
      </div>
      <Field label={t('edit.source')} value={draft.source} onChange={set('source')} error={problems.text('source')} />
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}

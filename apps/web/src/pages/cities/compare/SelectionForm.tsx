import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ComparisonBasis, MEMBER_STATES, type CityResponse, type IndicatorResponse, type Page } from '@lcc/contracts';
import { useFormat } from '../../../ui/format';
import { Field, SelectField } from '../../../ui/form';
import { ErrorNotice, Loading } from '../../../ui/states';
import { useApi } from '../../../ui/use-api';
import { useCityName, useIndicatorName } from '../city-format';
import type { Selection } from './selection';

/** The indicator, cities, countries, basis and years to compare. */
export function SelectionForm({ initial, onSubmit }: { initial: Selection; onSubmit(selection: Selection): void }) {
  const { t } = useTranslation('cities');
  const format = useFormat();
  const indicatorName = useIndicatorName();
  const cityName = useCityName();
  const indicators = useApi<Page<IndicatorResponse>>('/indicators?limit=100');
  const cities = useApi<Page<CityResponse>>('/cities?limit=100');
  const [draft, setDraft] = useState(initial);
  const toggle = (field: 'cityIds' | 'countries', value: string, on: boolean) =>
    setDraft((current) => ({
      ...current,
      [field]: on ? [...current[field], value] : current[field].filter((item) => item !== value),
    }));

  const badOrder = draft.fromYear !== '' && draft.toYear !== '' && Number(draft.toYear) <= Number(draft.fromYear);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!badOrder) onSubmit(draft);
  }

  return (
    <form className="card compare-form" onSubmit={submit} aria-labelledby="compare-selection">
      <h2 id="compare-selection">{t('compare.selection')}</h2>
      <div className="filters">
        <SelectField
          label={t('compare.indicator')}
          value={draft.indicator}
          required
          onChange={(event) => setDraft({ ...draft, indicator: event.target.value })}
          options={[
            { value: '', label: t('compare.chooseIndicator') },
            ...(indicators.data?.items ?? []).map((indicator) => ({
              value: indicator.code,
              label: `${indicatorName(indicator.code, indicator.name)} (${indicator.unit})`,
            })),
          ]}
        />
        <SelectField
          label={t('compare.basis')}
          value={draft.basis}
          onChange={(event) => setDraft({ ...draft, basis: event.target.value as ComparisonBasis })}
          options={Object.values(ComparisonBasis).map((value) => ({ value, label: t(`basis.${value}`) }))}
        />
        <Field
          label={t('compare.fromYear')}
          type="number"
          inputMode="numeric"
          min={1900}
          max={2100}
          className="narrow"
          value={draft.fromYear}
          onChange={(event) => setDraft({ ...draft, fromYear: event.target.value })}
        />
        <Field
          label={t('compare.toYear')}
          type="number"
          inputMode="numeric"
          min={1900}
          max={2100}
          className="narrow"
          value={draft.toYear}
          error={badOrder ? t('compare.yearOrder') : undefined}
          onChange={(event) => setDraft({ ...draft, toYear: event.target.value })}
        />
      </div>
      <fieldset className="choices">
        <legend>{t('compare.cities')}</legend>
        {cities.error && <ErrorNotice error={cities.error} />}
        {!cities.data && !cities.error && <Loading />}
        <ul className="checks">
          {(cities.data?.items ?? []).map((city) => (
            <li key={city.id}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.cityIds.includes(city.id)}
                  onChange={(event) => toggle('cityIds', city.id, event.target.checked)}
                />{' '}
                {cityName(city)} <span className="muted">({format.country(city.country)})</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="choices">
        <legend>{t('compare.countries')}</legend>
        <ul className="checks">
          {MEMBER_STATES.map((code) => (
            <li key={code}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.countries.includes(code)}
                  onChange={(event) => toggle('countries', code, event.target.checked)}
                />{' '}
                {format.country(code)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit">{t('compare.submit')}</button>
    </form>
  );
}

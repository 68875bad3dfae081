import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  ComparisonBasis,
  MEMBER_STATES,
  NetworkRole,
  type CityResponse,
  type ComparisonResponse,
  type IndicatorResponse,
  type IndicatorValueResponse,
  type Page,
  type ReportedChangeResponse,
} from '@lcc/contracts';
import { ApiError, withQuery } from '../../api/client';
import { useSession } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Field, SelectField } from '../../ui/form';
import { Async, ErrorNotice, Loading } from '../../ui/states';
import { useApi } from '../../ui/use-api';
import { LineChart } from './charts';
import { ImportCsv } from './ImportCsv';
import { saveExport, useIndicatorName, useNumbers, useViewerApi } from './shared';
import './cities.css';

interface Selection {
  indicator: string;
  cityIds: string[];
  countries: string[];
  basis: ComparisonBasis;
  fromYear: string;
  toYear: string;
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

function readSelection(params: URLSearchParams): Selection {
  const basis = params.get('basis');
  return {
    indicator: params.get('indicator') ?? '',
    cityIds: list(params.get('cityIds')),
    countries: list(params.get('countries')),
    basis: Object.values(ComparisonBasis).includes(basis as ComparisonBasis)
      ? (basis as ComparisonBasis)
      : ComparisonBasis.Raw,
    fromYear: params.get('fromYear') ?? '',
    toYear: params.get('toYear') ?? '',
  };
}

const DIVISOR: Record<ComparisonBasis, string | null> = {
  [ComparisonBasis.Raw]: null,
  [ComparisonBasis.PerCapita]: 'population',
  [ComparisonBasis.PerGdp]: 'gdp',
};

/** The export selections behind a comparison: its cities, and its countries' country-level values. */
function exportQueries(selection: Selection) {
  const divisor = DIVISOR[selection.basis];
  const indicator = [selection.indicator, ...(divisor && divisor !== selection.indicator ? [divisor] : [])].join(',');
  const years = { fromYear: selection.fromYear, toYear: selection.toYear };
  return [
    ...(selection.cityIds.length
      ? [{ indicator, cityIds: selection.cityIds.join(','), subjectType: 'city', ...years }]
      : []),
    ...(selection.countries.length
      ? [{ indicator, countries: selection.countries.join(','), subjectType: 'country', ...years }]
      : []),
  ];
}

function SelectionForm({ initial, onSubmit }: { initial: Selection; onSubmit(selection: Selection): void }) {
  const { t } = useTranslation('cities');
  const format = useFormat();
  const indicatorName = useIndicatorName();
  const indicators = useApi<Page<IndicatorResponse>>('/indicators?limit=100');
  const cities = useViewerApi<Page<CityResponse>>('/cities?limit=100');
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
                {city.nameEn} <span className="muted">({format.country(city.country)})</span>
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

function ReportedList({ changes }: { changes: ReportedChangeResponse[] }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  if (changes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="reported">
      {changes.map((change) => (
        <li key={change.id}>
          {t(`changeKind.${change.kind}`, {
            from: change.startYear,
            to: change.endYear,
            value: numbers.signed(change.valuePercent),
          })}
          <div className="muted">
            {t('compare.source', { source: change.source, quality: t(`quality.${change.quality}`) })}
          </div>
          {change.notes && <div className="muted">{change.notes}</div>}
        </li>
      ))}
    </ul>
  );
}

function Results({ selection }: { selection: Selection }) {
  const { t } = useTranslation('cities');
  const format = useFormat();
  const numbers = useNumbers();
  const indicatorName = useIndicatorName();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError>();
  const years = { fromYear: selection.fromYear, toYear: selection.toYear };
  const comparison = useViewerApi<ComparisonResponse>(
    withQuery('/analysis/compare', {
      indicator: selection.indicator,
      cityIds: selection.cityIds.join(','),
      countries: selection.countries.join(','),
      basis: selection.basis,
      ...years,
    }),
  );
  const queries = exportQueries(selection);
  const cityQuery = queries.find((query) => query.subjectType === 'city');
  const countryQuery = queries.find((query) => query.subjectType === 'country');
  const citySeries = useViewerApi<{ items: IndicatorValueResponse[] }>(
    cityQuery ? withQuery('/indicator-values/export', { ...cityQuery, format: 'json' }) : null,
  );
  const countrySeries = useViewerApi<{ items: IndicatorValueResponse[] }>(
    countryQuery ? withQuery('/indicator-values/export', { ...countryQuery, format: 'json' }) : null,
  );

  const subjectName = (subject: { cityId: string | null; country: string; name: string }) =>
    subject.cityId ? subject.name : format.country(subject.country);

  const chart = useMemo(() => {
    const values = [...(citySeries.data?.items ?? []), ...(countrySeries.data?.items ?? [])];
    const divisor = DIVISOR[selection.basis];
    const keyOf = (value: IndicatorValueResponse) => value.subject.cityId ?? value.subject.country;
    const lookup = new Map(values.map((value) => [`${value.indicator}|${keyOf(value)}|${value.year}`, value.value]));
    const points = values
      .filter((value) => value.indicator === selection.indicator)
      .map((value) => {
        if (!divisor) return { value, result: value.value };
        const by = lookup.get(`${divisor}|${keyOf(value)}|${value.year}`);
        return { value, result: by ? value.value / by : null };
      })
      .filter((point): point is { value: IndicatorValueResponse; result: number } => point.result !== null);
    const labels = [...new Set(points.map((point) => point.value.year))].sort((a, b) => a - b);
    const subjects = [...new Map(points.map((point) => [keyOf(point.value), point.value.subject])).entries()];
    const series = subjects.map(([key, subject]) => ({
      label: subjectName(subject),
      values: labels.map(
        (year) => points.find((point) => keyOf(point.value) === key && point.value.year === year)?.result ?? null,
      ),
    }));
    return { labels: labels.map(String), series };
  }, [citySeries.data, countrySeries.data, selection.basis, selection.indicator, format]);

  async function exportCsv() {
    setExporting(true);
    setExportError(undefined);
    try {
      await saveExport(queries, `${selection.indicator}-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (failure) {
      setExportError(failure instanceof ApiError ? failure : new ApiError(0, 'NETWORK_ERROR', String(failure)));
    } finally {
      setExporting(false);
    }
  }

  const seriesLoading =
    (cityQuery && !citySeries.data && !citySeries.error) ||
    (countryQuery && !countrySeries.data && !countrySeries.error);
  const hasRange = Boolean(selection.fromYear && selection.toYear);

  return (
    <Async state={comparison}>
      {(result) => {
        const name = indicatorName(result.indicator);
        const unit = result.unit;
        return (
          <section className="card" aria-labelledby="compare-results">
            <div className="spread">
              <h2 id="compare-results">
                {t('compare.resultTitle', { indicator: name, basis: t(`basis.${result.basis}`) })}
              </h2>
              <button type="button" className="secondary" disabled={exporting} onClick={() => void exportCsv()}>
                {exporting ? t('compare.exporting') : t('compare.export')}
              </button>
            </div>
            <p className="muted">{t('compare.exportHint')}</p>
            <ErrorNotice error={exportError} />
            {seriesLoading ? (
              <Loading />
            ) : chart.series.length === 0 ? (
              <p className="empty">{t('compare.noSeries')}</p>
            ) : (
              <>
                <LineChart
                  labels={chart.labels}
                  series={chart.series}
                  unit={unit}
                  summary={t('compare.chartSummary', {
                    indicator: name,
                    unit,
                    subjects: chart.series.map((item) => item.label).join(', '),
                    from: chart.labels[0],
                    to: chart.labels.at(-1),
                  })}
                />
                <details>
                  <summary>{t('compare.seriesTable')}</summary>
                  <div className="table-scroll">
                    <table>
                      <caption className="visually-hidden">{t('compare.seriesTable')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('indicators.year')}</th>
                          {chart.series.map((item) => (
                            <th key={item.label} scope="col" className="number">
                              {item.label}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {chart.labels.map((year, row) => (
                          <tr key={year}>
                            <th scope="row">{year}</th>
                            {chart.series.map((item) => (
                              <td key={item.label} className="number">
                                {numbers.value(item.values[row])}
                              </td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              </>
            )}
            <div className="table-scroll">
              <table className="compare-table">
                <caption>{t('compare.tableCaption', { indicator: name, unit })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('compare.subject')}</th>
                    <th scope="col">{t('indicators.year')}</th>
                    <th scope="col" className="number">
                      {t('compare.valueIn', { unit })}
                    </th>
                    <th scope="col" className="number">
                      {hasRange
                        ? t('compare.totalChangeRange', { from: selection.fromYear, to: selection.toYear })
                        : t('compare.totalChange')}
                    </th>
                    <th scope="col" className="number">
                      {t('compare.cagr')}
                    </th>
                    <th scope="col">{t('compare.reported')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((item) => (
                    <tr key={item.subject.cityId ?? item.subject.country}>
                      <th scope="row">
                        {item.subject.cityId ? (
                          <Link to={`/cities/${item.subject.cityId}`}>{item.subject.name}</Link>
                        ) : (
                          format.country(item.subject.country)
                        )}
                      </th>
                      <td>{item.year ?? '—'}</td>
                      <td className="number">{numbers.value(item.value)}</td>
                      <td className="number">
                        {item.computedChange
                          ? t('compare.percent', { value: numbers.signed(item.computedChange.totalChangePercent) })
                          : '—'}
                      </td>
                      <td className="number">
                        {item.computedChange
                          ? t('compare.perYear', { value: numbers.signed(item.computedChange.annualRatePercent) })
                          : '—'}
                      </td>
                      <td>
                        <ReportedList changes={item.reportedChanges} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!hasRange && <p className="muted">{t('compare.rangeHint')}</p>}
            {result.basis !== ComparisonBasis.Raw && <p className="muted">{t('compare.reportedRawOnly')}</p>}
          </section>
        );
      }}
    </Async>
  );
}

/** Compare one indicator across cities and countries: chart, table, computed and reported changes, CSV export. */
export default function ComparePage() {
  const { t } = useTranslation('cities');
  const { state } = useSession();
  const [params, setParams] = useSearchParams();
  const selection = readSelection(params);
  const ready = selection.indicator !== '' && selection.cityIds.length + selection.countries.length > 0;
  const staff =
    state.status === 'signed_in' &&
    (state.member.role === NetworkRole.Admin || state.member.role === NetworkRole.Coordinator);

  function choose(next: Selection) {
    const query = new URLSearchParams();
    if (next.indicator) query.set('indicator', next.indicator);
    if (next.cityIds.length) query.set('cityIds', next.cityIds.join(','));
    if (next.countries.length) query.set('countries', next.countries.join(','));
    if (next.basis !== ComparisonBasis.Raw) query.set('basis', next.basis);
    if (next.fromYear) query.set('fromYear', next.fromYear);
    if (next.toYear) query.set('toYear', next.toYear);
    setParams(query);
  }

  return (
    <section className="compare">
      <h1>{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      <SelectionForm initial={selection} onSubmit={choose} />
      {ready ? (
        <Results key={params.toString()} selection={selection} />
      ) : (
        <p className="empty">{t('compare.chooseFirst')}</p>
      )}
      {staff && <ImportCsv />}
    </section>
  );
}

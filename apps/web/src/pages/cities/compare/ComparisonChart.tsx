import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityResponse, IndicatorValueResponse, Page } from '@lcc/contracts';
import { withQuery } from '../../../api/client';
import { useFormat } from '../../../ui/format';
import { Loading } from '../../../ui/states';
import { useApi } from '../../../ui/use-api';
import { YearLineChart } from '../charts';
import { useCityName, useNumbers } from '../city-format';
import { DIVISOR, exportQueries, type Selection } from './selection';

export interface ComparedSubject {
  /** City id, or the country code for national figures. */
  key: string;
  label: string;
  /** The compared figure by year (divided on per-capita and per-GDP bases). */
  values: Map<number, number>;
  /** Years with a stored value of the indicator itself (before any division). */
  rawYears: number[];
}

export interface ComparisonSeries {
  /** Every year with a compared figure, ascending. */
  years: number[];
  subjects: ComparedSubject[];
  loading: boolean;
}

/** The cities the reader may see, by id (the selection form asks for the same list, so it comes from the cache). */
export function useCityLookup(): Map<string, CityResponse> {
  const cities = useApi<Page<CityResponse>>('/cities?limit=100');
  return useMemo(() => new Map((cities.data?.items ?? []).map((city) => [city.id, city])), [cities.data]);
}

/**
 * The figures behind the chart: the export's city and country values, divided by population or GDP on those bases.
 * Called beside the comparison itself, so both load at once.
 */
export function useComparisonSeries(selection: Selection): ComparisonSeries {
  const format = useFormat();
  const cityName = useCityName();
  const cities = useCityLookup();
  const queries = exportQueries(selection);
  const cityQuery = queries.find((query) => query.subjectType === 'city');
  const countryQuery = queries.find((query) => query.subjectType === 'country');
  const citySeries = useApi<{ items: IndicatorValueResponse[] }>(
    cityQuery ? withQuery('/indicator-values/export', { ...cityQuery, format: 'json' }) : null,
  );
  const countrySeries = useApi<{ items: IndicatorValueResponse[] }>(
    countryQuery ? withQuery('/indicator-values/export', { ...countryQuery, format: 'json' }) : null,
  );

  const chart = useMemo(() => {
    const values = [...(citySeries.data?.items ?? []), ...(countrySeries.data?.items ?? [])];
    const divisor = DIVISOR[selection.basis];
    const keyOf = (value: IndicatorValueResponse) => value.subject.cityId ?? value.subject.country;
    const lookup = new Map(values.map((value) => [`${value.indicator}|${keyOf(value)}|${value.year}`, value.value]));
    const own = values.filter((value) => value.indicator === selection.indicator);
    const subjects = new Map<string, ComparedSubject>();
    for (const value of own) {
      const key = keyOf(value);
      let subject = subjects.get(key);
      if (!subject) {
        const city = value.subject.cityId ? cities.get(value.subject.cityId) : undefined;
        const label = value.subject.cityId
          ? city
            ? cityName(city)
            : value.subject.name
          : format.country(value.subject.country);
        subject = { key, label, values: new Map(), rawYears: [] };
        subjects.set(key, subject);
      }
      subject.rawYears.push(value.year);
      const by = divisor ? lookup.get(`${divisor}|${key}|${value.year}`) : 1;
      if (by) subject.values.set(value.year, value.value / by);
    }
    const list = [...subjects.values()].filter((subject) => subject.values.size > 0 || subject.rawYears.length > 0);
    const years = [...new Set(list.flatMap((subject) => [...subject.values.keys()]))].sort((a, b) => a - b);
    return { years, subjects: list };
  }, [citySeries.data, countrySeries.data, selection.basis, selection.indicator, format, cities, cityName]);

  const loading =
    (cityQuery && !citySeries.data && !citySeries.error) ||
    (countryQuery && !countrySeries.data && !countrySeries.error);
  return { ...chart, loading: Boolean(loading) };
}

/** The compared series as a line chart over a true time axis, with a table of the same figures. */
export function ComparisonChart({ chart, name, unit }: { chart: ComparisonSeries; name: string; unit: string }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  const [logarithmic, setLogarithmic] = useState(false);
  const charted = chart.subjects.filter((subject) => subject.values.size > 0);
  // A logarithmic axis cannot place zero or negative values (removals, net figures).
  const logPossible = charted.every((subject) => [...subject.values.values()].every((value) => value > 0));
  const log = logarithmic && logPossible;
  if (chart.loading) return <Loading />;
  if (charted.length === 0) return <p className="empty">{t('compare.noSeries')}</p>;
  return (
    <>
      <div className="row">
        <label className="choice">
          <input
            type="checkbox"
            checked={log}
            disabled={!logPossible}
            onChange={(event) => setLogarithmic(event.target.checked)}
          />{' '}
          {t('compare.logScale')}
        </label>
        {!logPossible && <span className="muted">{t('compare.logImpossible')}</span>}
      </div>
      <YearLineChart
        logarithmic={log}
        series={charted.map((subject) => ({
          label: subject.label,
          points: [...subject.values.entries()].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value })),
        }))}
        unit={unit}
        summary={t(log ? 'compare.chartSummaryLog' : 'compare.chartSummary', {
          indicator: name,
          unit,
          subjects: charted.map((subject) => subject.label).join(', '),
          from: chart.years[0],
          to: chart.years.at(-1),
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
                {charted.map((subject) => (
                  <th key={subject.key} scope="col" className="number">
                    {subject.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.years.map((year) => (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  {charted.map((subject) => {
                    const value = subject.values.get(year);
                    return (
                      <td key={subject.key} className="number">
                        {value === undefined ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">{t('compare.noValueYear', { year })}</span>
                          </>
                        ) : (
                          numbers.value(value)
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

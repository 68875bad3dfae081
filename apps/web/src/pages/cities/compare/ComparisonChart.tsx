import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorValueResponse } from '@lcc/contracts';
import { withQuery } from '../../../api/client';
import { useFormat } from '../../../ui/format';
import { Loading } from '../../../ui/states';
import { useApi } from '../../../ui/use-api';
import { LineChart } from '../charts';
import { useNumbers } from '../city-format';
import { DIVISOR, exportQueries, type Selection } from './selection';

export interface ComparisonSeries {
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
  loading: boolean;
}

/**
 * The figures behind the chart: the export's city and country values, divided by population or GDP on those bases.
 * Called beside the comparison itself, so both load at once.
 */
export function useComparisonSeries(selection: Selection): ComparisonSeries {
  const format = useFormat();
  const queries = exportQueries(selection);
  const cityQuery = queries.find((query) => query.subjectType === 'city');
  const countryQuery = queries.find((query) => query.subjectType === 'country');
  const citySeries = useApi<{ items: IndicatorValueResponse[] }>(
    cityQuery ? withQuery('/indicator-values/export', { ...cityQuery, format: 'json' }) : null,
  );
  const countrySeries = useApi<{ items: IndicatorValueResponse[] }>(
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

  const loading =
    (cityQuery && !citySeries.data && !citySeries.error) ||
    (countryQuery && !countrySeries.data && !countrySeries.error);
  return { ...chart, loading: Boolean(loading) };
}

/** The compared series as a line chart, with a table of the same figures. */
export function ComparisonChart({ chart, name, unit }: { chart: ComparisonSeries; name: string; unit: string }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  return (
    <>
      {chart.loading ? (
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
    </>
  );
}

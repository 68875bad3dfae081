import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ComparisonBasis,
  type ComparisonItem,
  type ComparisonResponse,
  type ReportedChangeResponse,
} from '@lcc/contracts';
import { useFormat } from '../../../ui/format';
import { useCityName, useIndicatorName, useNumbers } from '../city-format';
import { useCityLookup, type ComparisonSeries } from './ComparisonChart';
import type { Selection } from './selection';

/**
 * Why a subject shows no value or no change, in words. The API answers `null` without a reason, so the reason is
 * read from the series themselves: a missing divisor on per-capita and per-GDP bases, a missing year, or a start
 * value the change cannot be computed from.
 */
function useMissingReason(selection: Selection, chart: ComparisonSeries) {
  const { t } = useTranslation('cities');
  const hasRange = Boolean(selection.fromYear && selection.toYear);
  const subjectOf = (item: ComparisonItem) =>
    chart.subjects.find((s) => s.key === (item.subject.cityId ?? item.subject.country));
  return {
    value(item: ComparisonItem): string {
      const subject = subjectOf(item);
      if (selection.basis !== ComparisonBasis.Raw && subject && subject.rawYears.length > 0) {
        const years = [...subject.rawYears].sort((a, b) => a - b).join(', ');
        return selection.basis === ComparisonBasis.PerCapita
          ? t('compare.noPopulation', { years })
          : t('compare.noGdp', { years });
      }
      return hasRange
        ? t('compare.noValueRange', { from: selection.fromYear, to: selection.toYear })
        : t('compare.noValue');
    },
    change(item: ComparisonItem): string | null {
      if (!hasRange) return null;
      if (item.value === null) return null;
      const subject = subjectOf(item);
      const missing = [Number(selection.fromYear), Number(selection.toYear)].filter(
        (year) => !subject?.values.has(year),
      );
      if (missing.length > 0) return t('compare.noValueYear', { year: missing.join(', ') });
      return t('compare.changeNotComputable');
    },
  };
}

/** Each subject's latest value, computed change and growth rate, and the changes it reported itself. */
export function ComparisonTable({
  result,
  selection,
  chart,
}: {
  result: ComparisonResponse;
  selection: Selection;
  chart: ComparisonSeries;
}) {
  const { t } = useTranslation('cities');
  const cityName = useCityName();
  const cities = useCityLookup();
  const missing = useMissingReason(selection, chart);
  const format = useFormat();
  const numbers = useNumbers();
  const indicatorName = useIndicatorName();
  const name = indicatorName(result.indicator);
  const unit = result.unit;
  const hasRange = Boolean(selection.fromYear && selection.toYear);
  return (
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
                  <Link to={`/cities/${item.subject.cityId}`}>
                    {cities.has(item.subject.cityId) ? cityName(cities.get(item.subject.cityId)!) : item.subject.name}
                  </Link>
                ) : (
                  format.country(item.subject.country)
                )}
              </th>
              <td>{item.year ?? '—'}</td>
              <td className="number">
                {item.value === null ? (
                  <span className="no-value">{missing.value(item)}</span>
                ) : (
                  numbers.value(item.value)
                )}
              </td>
              <td className="number">
                {item.computedChange ? (
                  t('compare.percent', { value: numbers.signed(item.computedChange.totalChangePercent) })
                ) : missing.change(item) ? (
                  <span className="no-value">{missing.change(item)}</span>
                ) : (
                  '—'
                )}
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

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComparisonResponse, ReportedChangeResponse } from '@lcc/contracts';
import { useFormat } from '../../../ui/format';
import { useIndicatorName, useNumbers } from '../city-format';
import type { Selection } from './selection';

/** Each subject's latest value, computed change and growth rate, and the changes it reported itself. */
export function ComparisonTable({ result, selection }: { result: ComparisonResponse; selection: Selection }) {
  const { t } = useTranslation('cities');
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

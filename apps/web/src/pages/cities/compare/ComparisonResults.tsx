import { useTranslation } from 'react-i18next';
import { ComparisonBasis, type ComparisonResponse } from '@lcc/contracts';
import { withQuery } from '../../../api/client';
import { Async, ErrorNotice } from '../../../ui/states';
import { useApi, useApiMutation } from '../../../ui/use-api';
import { useIndicatorName } from '../city-format';
import { saveExport } from '../csv-export';
import { exportQueries, type Selection } from './selection';
import { ComparisonChart, useComparisonSeries } from './ComparisonChart';
import { ComparisonTable } from './ComparisonTable';

/** A comparison of the selection: export, chart and table. */
export function ComparisonResults({ selection }: { selection: Selection }) {
  const { t } = useTranslation('cities');
  const indicatorName = useIndicatorName();
  const years = { fromYear: selection.fromYear, toYear: selection.toYear };
  const comparison = useApi<ComparisonResponse>(
    withQuery('/analysis/compare', {
      indicator: selection.indicator,
      cityIds: selection.cityIds.join(','),
      countries: selection.countries.join(','),
      basis: selection.basis,
      ...years,
    }),
  );
  const chart = useComparisonSeries(selection);
  const hasRange = Boolean(selection.fromYear && selection.toYear);
  const exportCsv = useApiMutation(() =>
    saveExport(exportQueries(selection), `${selection.indicator}-${new Date().toISOString().slice(0, 10)}.csv`),
  );

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
              <button
                type="button"
                className="secondary"
                disabled={exportCsv.pending}
                onClick={() => void exportCsv.run()}
              >
                {exportCsv.pending ? t('compare.exporting') : t('compare.export')}
              </button>
            </div>
            <p className="muted">{t('compare.exportHint')}</p>
            <ErrorNotice error={exportCsv.error} />
            <ComparisonChart chart={chart} name={name} unit={unit} />
            <ComparisonTable result={result} selection={selection} chart={chart} />
            {!hasRange && <p className="muted">{t('compare.rangeHint')}</p>}
            {result.basis !== ComparisonBasis.Raw && <p className="muted">{t('compare.reportedRawOnly')}</p>}
          </section>
        );
      }}
    </Async>
  );
}

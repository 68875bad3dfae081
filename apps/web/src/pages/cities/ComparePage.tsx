import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NetworkRole } from '@lcc/contracts';
import { useSession } from '../../api/session';
import { ImportCsv } from './ImportCsv';
import { ComparisonResults } from './compare/ComparisonResults';
import { readSelection, selectionParams } from './compare/selection';
import { SelectionForm } from './compare/SelectionForm';
import './cities.css';

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

  return (
    <section className="compare">
      <h1>{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      <SelectionForm initial={selection} onSubmit={(next) => setParams(selectionParams(next))} />
      {ready ? (
        <ComparisonResults key={params.toString()} selection={selection} />
      ) : (
        <p className="empty">{t('compare.chooseFirst')}</p>
      )}
      {staff && <ImportCsv />}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CityResponse, Page, StrategyResponse } from '@lcc/contracts';
import { Async, Empty } from '../../ui/states';
import { useApi } from '../../ui/use-api';
import { ImportCsv } from './ImportCsv';
import { CityHeader } from './city/CityHeader';
import { IndicatorSection } from './city/IndicatorSection';
import { InventorySection } from './city/InventorySection';
import { StrategySection } from './city/StrategySection';
import { StrategyForm } from './edit/StrategyForm';
import './cities.css';

/** A city page; each section is its own file under `city/`. */
function CityProfile({ city }: { city: CityResponse }) {
  const { t } = useTranslation('cities');
  const strategies = useApi<Page<StrategyResponse>>(`/cities/${city.id}/strategies?limit=100`);
  const [adding, setAdding] = useState(false);

  return (
    <article className="city-page">
      <CityHeader city={city} />

      <section aria-labelledby="city-strategies">
        <div className="spread">
          <h2 id="city-strategies">{t('strategy.title')}</h2>
          {city.canEdit && !adding && (
            <button type="button" className="secondary" onClick={() => setAdding(true)}>
              {t('edit.addStrategy')}
            </button>
          )}
        </div>
        {adding && <StrategyForm cityId={city.id} onDone={() => setAdding(false)} />}
        <Async state={strategies}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('strategy.empty')}</Empty>
            ) : (
              page.items.map((strategy) => <StrategySection key={strategy.id} strategy={strategy} />)
            )
          }
        </Async>
      </section>
      <InventorySection city={city} />
      <IndicatorSection city={city} />
      {city.canEdit && <ImportCsv />}
    </article>
  );
}

/** A city's profile: names, figures, strategy with target progress, actions, inventories and indicator series. */
export default function CityPage() {
  const { id = '' } = useParams();
  const city = useApi<CityResponse>(`/cities/${id}`);
  return <Async state={city}>{(current) => <CityProfile key={current.id} city={current} />}</Async>;
}

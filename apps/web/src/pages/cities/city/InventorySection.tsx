import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GpcSector,
  type CityResponse,
  type InventoryResponse,
  type Page,
  type SectorSharesResponse,
} from '@lcc/contracts';
import { Async, Empty } from '../../../ui/states';
import { StackedBarChart } from '../charts';
import { useCityName, useNumbers } from '../city-format';
import { useApi } from '../../../ui/use-api';
import { DeleteButton } from '../edit/DeleteButton';
import { InventoryForm } from '../edit/InventoryForm';

const SECTORS = Object.values(GpcSector);

/** Emission inventories by year and sector, with the latest year's sector shares. */
export function InventorySection({ city }: { city: CityResponse }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  const cityName = useCityName();
  const inventories = useApi<Page<InventoryResponse>>(`/cities/${city.id}/inventories?limit=100`);
  const latest = inventories.data?.items[0];
  const shares = useApi<SectorSharesResponse>(latest ? `/analysis/inventories/${latest.id}/sector-shares` : null);
  // `new`, an inventory's id, or nothing open.
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => setEditing(null);
  const open = editing && editing !== 'new' ? inventories.data?.items.find((item) => item.id === editing) : undefined;

  return (
    <section className="card" aria-labelledby="city-inventories">
      <div className="spread">
        <h2 id="city-inventories">{t('inventory.title')}</h2>
        {city.canEdit && editing === null && (
          <button type="button" className="secondary" onClick={() => setEditing('new')}>
            {t('edit.addInventory')}
          </button>
        )}
      </div>
      {editing === 'new' && <InventoryForm cityId={city.id} onDone={done} />}
      {open && <InventoryForm key={open.id} cityId={city.id} inventory={open} onDone={done} />}
      <Async state={inventories}>
        {(page) => {
          if (page.items.length === 0) return <Empty>{t('inventory.empty')}</Empty>;
          const rows = [...page.items].sort((a, b) => a.year - b.year);
          const bySector = (inventory: InventoryResponse, sector: GpcSector) =>
            inventory.entries
              .filter((entry) => entry.sector === sector && entry.value !== null)
              .reduce((sum, entry) => sum + (entry.value ?? 0), 0);
          const sectors = SECTORS.filter((sector) =>
            rows.some((inventory) => inventory.entries.some((e) => e.sector === sector && e.value !== null)),
          );
          const summary = t('inventory.summary', {
            city: cityName(city),
            years: rows.map((row) => row.year).join(', '),
            latest: rows.at(-1)!.year,
            total: numbers.value(rows.at(-1)!.total),
          });
          return (
            <>
              <StackedBarChart
                labels={rows.map((row) => String(row.year))}
                series={sectors.map((sector) => ({
                  label: t(`sector.${sector}`),
                  values: rows.map((row) => bySector(row, sector)),
                }))}
                summary={summary}
                unit={t('units.emissions')}
              />
              <div className="table-scroll">
                <table>
                  <caption>{t('inventory.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('inventory.year')}</th>
                      {sectors.map((sector) => (
                        <th key={sector} scope="col" className="number">
                          {t(`sector.${sector}`)}
                        </th>
                      ))}
                      <th scope="col" className="number">
                        {t('inventory.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.id}>
                        <th scope="row">
                          {row.year}
                          {row.methodology && <div className="muted">{row.methodology}</div>}
                          {row.canEdit && editing === null && (
                            <div className="row">
                              <button type="button" className="link" onClick={() => setEditing(row.id)}>
                                {t('edit.editInventory', { year: row.year })}
                              </button>
                              <DeleteButton
                                label={t('edit.deleteInventory', { year: row.year })}
                                question={t('edit.deleteInventoryQuestion', { year: row.year })}
                                path={`/inventories/${row.id}`}
                                invalidates={[`/cities/${city.id}/inventories`, '/inventories', '/analysis']}
                              />
                            </div>
                          )}
                        </th>
                        {sectors.map((sector) => (
                          <td key={sector} className="number">
                            {numbers.value(bySector(row, sector))}
                          </td>
                        ))}
                        <td className="number">{numbers.value(row.total)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {shares.data && (
                <>
                  <h3>{t('inventory.sharesTitle', { year: shares.data.year })}</h3>
                  <ul className="shares">
                    {shares.data.sectors.map((sector) => (
                      <li key={sector.sector}>
                        <span>{t(`sector.${sector.sector}`)}</span>
                        <span className="share-bar" aria-hidden="true">
                          <span style={{ width: `${Math.max(0, Math.min(100, sector.sharePercent))}%` }} />
                        </span>
                        <span>{t('inventory.share', { percent: numbers.share(sector.sharePercent) })}</span>
                      </li>
                    ))}
                  </ul>
                  {shares.data.notationKeys.length > 0 && (
                    <p className="muted">
                      {t('inventory.notationKeys', {
                        list: shares.data.notationKeys
                          .map(
                            (key) =>
                              `${t(`sector.${key.sector}`)} (${t(`scope.${key.scope}`)}): ${key.notationKey} — ${t(`notationKey.${key.notationKey}`)}`,
                          )
                          .join('; '),
                      })}
                    </p>
                  )}
                </>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}

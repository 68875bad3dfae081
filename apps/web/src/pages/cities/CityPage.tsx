import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  GpcSector,
  RecordVisibility,
  TargetProgressStatus,
  TargetType,
  type CityResponse,
  type IndicatorValueResponse,
  type InventoryResponse,
  type Page,
  type SectorSharesResponse,
  type StrategyProgressResponse,
  type StrategyResponse,
  type TargetProgressResponse,
  type TargetResponse,
} from '@lcc/contracts';
import { useSession } from '../../api/session';
import { useFormat } from '../../ui/format';
import { SelectField } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { LineChart, StackedBarChart } from './charts';
import { ImportCsv } from './ImportCsv';
import { localLanguage, useIndicatorName, useNumbers, useViewerApi } from './shared';
import './cities.css';

const SECTORS = Object.values(GpcSector);

/** Catalogue key of a target type (`net_zero` would read as an i18next plural form). */
const typeKey = (type: TargetType) => (type === TargetType.NetZero ? 'netZero' : type);

/** Targets in the order of their years, so a page reads the same every time. */
function byTargetYear(a: TargetResponse, b: TargetResponse): number {
  return a.targetYear - b.targetYear || (a.baseYear ?? 0) - (b.baseYear ?? 0) || a.id.localeCompare(b.id);
}

/** How far a target has come: the share of the way from the base value to the target level (0–100). */
function achieved(progress: TargetProgressResponse): number | null {
  const { baseValue, targetValue, latestValue } = progress;
  if (baseValue === null || targetValue === null || latestValue === null || baseValue === targetValue) return null;
  const share = ((baseValue - latestValue) / (baseValue - targetValue)) * 100;
  return Math.max(0, Math.min(100, share));
}

function TargetItem({ target, progress }: { target: TargetResponse; progress?: TargetProgressResponse }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  const unit = target.type === TargetType.Intensity ? t('units.intensity') : t('units.emissions');
  const percent = numbers.value(target.reductionPercent ?? 100);
  const coverage = [
    target.sectors.length ? target.sectors.map((sector) => t(`sector.${sector}`)).join(', ') : t('target.cityWide'),
    target.scopes.length ? target.scopes.map((scope) => t(`scope.${scope}`)).join(', ') : t('target.allScopes'),
    t(`gas.${target.gas}`),
  ].join(' · ');
  const aim = t(`target.aim.${typeKey(target.type)}`, {
    percent,
    baseYear: target.baseYear ?? '—',
    targetYear: target.targetYear,
    baseline: numbers.value(target.baselineValue),
    level: numbers.value(target.targetValue),
    unit,
  });
  const share = progress ? achieved(progress) : null;
  const status = progress?.status ?? TargetProgressStatus.NoData;
  return (
    <li className="target">
      <div className="spread">
        <h4>{aim}</h4>
        <span className={`tag progress-${status}`}>{t(`progress.${status}`)}</span>
      </div>
      <p className="muted">
        {t(`targetType.${typeKey(target.type)}`)} · {coverage}
      </p>
      {target.description && <p>{target.description}</p>}
      {progress && (
        <>
          {share !== null && (
            <div className="target-bar">
              <progress
                max={100}
                value={share}
                aria-label={t('progress.achievedLabel', { percent: numbers.share(share) })}
              />
              <span>{t('progress.achieved', { percent: numbers.share(share) })}</span>
            </div>
          )}
          <dl className="facts target-facts">
            <dt>{t('progress.base')}</dt>
            <dd>
              {progress.baseValue === null
                ? '—'
                : t('progress.valueIn', { value: numbers.value(progress.baseValue), unit, year: progress.baseYear })}
            </dd>
            <dt>{t('progress.target')}</dt>
            <dd>
              {progress.targetValue === null
                ? '—'
                : t('progress.valueIn', {
                    value: numbers.value(progress.targetValue),
                    unit,
                    year: progress.targetYear,
                  })}
            </dd>
            <dt>{t('progress.latest')}</dt>
            <dd>
              {progress.latestValue === null
                ? '—'
                : t('progress.valueIn', {
                    value: numbers.value(progress.latestValue),
                    unit,
                    year: progress.latestYear,
                  })}
            </dd>
            <dt>{t('progress.path')}</dt>
            <dd>
              {progress.pathValue === null
                ? '—'
                : t('progress.value', { value: numbers.value(progress.pathValue), unit })}
            </dd>
          </dl>
          {progress.status === TargetProgressStatus.NoData && progress.reason && (
            <p className="muted">{t('progress.reason', { reason: progress.reason })}</p>
          )}
        </>
      )}
    </li>
  );
}

function StrategySection({ strategy }: { strategy: StrategyResponse }) {
  const { t } = useTranslation('cities');
  const { state } = useSession();
  const numbers = useNumbers();
  const format = useFormat();
  const progress = useViewerApi<StrategyProgressResponse>(`/analysis/strategies/${strategy.id}/progress`);
  const headingId = `strategy-${strategy.id}`;
  const money = (value: number, currency: string | null) =>
    currency
      ? new Intl.NumberFormat(format.language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
      : numbers.value(value);
  const period =
    strategy.periodStart !== null || strategy.periodEnd !== null
      ? t('strategy.period', { from: strategy.periodStart ?? '…', to: strategy.periodEnd ?? '…' })
      : null;

  return (
    <section className="card strategy" aria-labelledby={headingId}>
      <div className="spread">
        <h3 id={headingId}>{strategy.title}</h3>
        {state.status === 'signed_in' && strategy.roomId && (
          <Link className="button secondary" to={`/rooms/${strategy.roomId}`}>
            {t('strategy.discuss')}
          </Link>
        )}
      </div>
      <p className="row">
        <span className="tag">{t(`strategyType.${strategy.type}`)}</span>
        <span className="tag">{t(`strategyStatus.${strategy.status}`)}</span>
        {period && <span className="muted">{period}</span>}
        {strategy.adoptionYear !== null && (
          <span className="muted">{t('strategy.adopted', { year: strategy.adoptionYear })}</span>
        )}
      </p>
      {strategy.description && <p className="prewrap">{strategy.description}</p>}

      <h4 className="subhead">{t('strategy.targets')}</h4>
      {progress.error && <p className="muted">{t('progress.unavailable')}</p>}
      {strategy.targets.length === 0 ? (
        <Empty>{t('strategy.noTargets')}</Empty>
      ) : (
        <ul className="list">
          {[...strategy.targets].sort(byTargetYear).map((target) => (
            <TargetItem
              key={target.id}
              target={target}
              progress={progress.data?.targets.find((item) => item.targetId === target.id)}
            />
          ))}
        </ul>
      )}

      <h4 className="subhead">{t('strategy.actions')}</h4>
      {strategy.actions.length === 0 ? (
        <Empty>{t('strategy.noActions')}</Empty>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('strategy.actionsOf', { title: strategy.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('action.title')}</th>
                <th scope="col">{t('action.sector')}</th>
                <th scope="col">{t('action.status')}</th>
                <th scope="col">{t('action.years')}</th>
                <th scope="col" className="number">
                  {t('action.cost')}
                </th>
                <th scope="col" className="number">
                  {t('action.reduction')}
                </th>
              </tr>
            </thead>
            <tbody>
              {strategy.actions.map((action) => (
                <tr key={action.id}>
                  <td>
                    {action.title}
                    {action.responsibleBody && <div className="muted">{action.responsibleBody}</div>}
                    {action.description && <div className="muted">{action.description}</div>}
                  </td>
                  <td>{action.sector ? t(`sector.${action.sector}`) : t('action.crossCutting')}</td>
                  <td>{t(`actionStatus.${action.status}`)}</td>
                  <td>
                    {action.startYear ?? '…'}–{action.endYear ?? '…'}
                  </td>
                  <td className="number">{action.cost === null ? '—' : money(action.cost, action.costCurrency)}</td>
                  <td className="number">
                    {action.expectedReduction === null
                      ? '—'
                      : t('action.perYear', { value: numbers.value(action.expectedReduction) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h4 className="subhead">{t('strategy.documents')}</h4>
      {strategy.documents.length === 0 ? (
        <Empty>{t('strategy.noDocuments')}</Empty>
      ) : (
        <ul>
          {strategy.documents.map((document) => (
            <li key={document.id}>
              <Link to={`/documents/${document.id}`}>{document.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Inventories({ city }: { city: CityResponse }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  const inventories = useViewerApi<Page<InventoryResponse>>(`/cities/${city.id}/inventories?limit=100`);
  const latest = inventories.data?.items[0];
  const shares = useViewerApi<SectorSharesResponse>(latest ? `/analysis/inventories/${latest.id}/sector-shares` : null);

  return (
    <section className="card" aria-labelledby="city-inventories">
      <h2 id="city-inventories">{t('inventory.title')}</h2>
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
            city: city.nameEn,
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

function Indicators({ city }: { city: CityResponse }) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  const indicatorName = useIndicatorName();
  const values = useViewerApi<{ items: IndicatorValueResponse[] }>(
    `/indicator-values/export?format=json&cityId=${city.id}`,
  );
  const [chosen, setChosen] = useState('');
  const codes = useMemo(
    () => [...new Set((values.data?.items ?? []).map((value) => value.indicator))].sort(),
    [values.data],
  );
  const code = codes.includes(chosen) ? chosen : codes.includes('total_ghg') ? 'total_ghg' : (codes[0] ?? '');
  const series = (values.data?.items ?? []).filter((value) => value.indicator === code).sort((a, b) => a.year - b.year);
  const unit = series[0]?.unit ?? '';

  return (
    <section className="card" aria-labelledby="city-indicators">
      <h2 id="city-indicators">{t('indicators.title')}</h2>
      <Async state={values}>
        {() =>
          codes.length === 0 ? (
            <Empty>{t('indicators.empty')}</Empty>
          ) : (
            <>
              <div className="filters">
                <SelectField
                  label={t('indicators.choose')}
                  value={code}
                  onChange={(event) => setChosen(event.target.value)}
                  options={codes.map((value) => ({ value, label: indicatorName(value) }))}
                />
                <Link to={`/compare?indicator=${code}&cityIds=${city.id}`}>{t('indicators.compareLink')}</Link>
              </div>
              <LineChart
                labels={series.map((value) => String(value.year))}
                series={[{ label: city.nameEn, values: series.map((value) => value.value) }]}
                unit={unit}
                summary={t('indicators.summary', {
                  indicator: indicatorName(code),
                  city: city.nameEn,
                  from: series[0]?.year,
                  to: series.at(-1)?.year,
                  first: numbers.value(series[0]?.value),
                  last: numbers.value(series.at(-1)?.value),
                  unit,
                })}
              />
              <div className="table-scroll">
                <table>
                  <caption>{t('indicators.tableCaption', { indicator: indicatorName(code), unit })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('indicators.year')}</th>
                      <th scope="col" className="number">
                        {t('indicators.value')}
                      </th>
                      <th scope="col">{t('indicators.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {series.map((value) => (
                      <tr key={value.id}>
                        <th scope="row">{value.year}</th>
                        <td className="number">{numbers.value(value.value)}</td>
                        <td>
                          {value.source} <span className="muted">({t(`quality.${value.quality}`)})</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Async>
    </section>
  );
}

function CityProfile({ city, onChange }: { city: CityResponse; onChange(): void }) {
  const { t } = useTranslation('cities');
  const [version, setVersion] = useState(0);
  const format = useFormat();
  const numbers = useNumbers();
  const strategies = useViewerApi<Page<StrategyResponse>>(`/cities/${city.id}/strategies?limit=100`);
  const latestPopulation = [...city.statistics].reverse().find((row) => row.population !== null);
  const latestGdp = [...city.statistics].reverse().find((row) => row.gdp !== null);

  return (
    <article className="city-page">
      <header className="card">
        <p className="muted">
          <Link to="/cities">{t('city.back')}</Link>
        </p>
        <h1>
          {city.nameEn}
          {city.nameLocal && (
            <>
              {' '}
              <span className="local-name" lang={localLanguage(city.country)}>
                {city.nameLocal}
              </span>
            </>
          )}
        </h1>
        <dl className="facts">
          <dt>{t('city.country')}</dt>
          <dd>{format.country(city.country)}</dd>
          <dt>{t('city.population')}</dt>
          <dd>
            {latestPopulation
              ? t('city.valueYear', { value: numbers.value(latestPopulation.population), year: latestPopulation.year })
              : '—'}
          </dd>
          <dt>{t('city.gdp')}</dt>
          <dd>{latestGdp ? t('city.gdpValue', { value: numbers.value(latestGdp.gdp), year: latestGdp.year }) : '—'}</dd>
          {city.areaKm2 !== null && (
            <>
              <dt>{t('city.area')}</dt>
              <dd>{t('city.areaValue', { value: numbers.value(city.areaKm2) })}</dd>
            </>
          )}
          {city.focalPoints.length > 0 && (
            <>
              <dt>{t('city.focalPoints')}</dt>
              <dd>
                {city.focalPoints
                  .map((person) =>
                    person.organization ? `${person.displayName} (${person.organization})` : person.displayName,
                  )
                  .join(', ')}
              </dd>
            </>
          )}
          {city.organizations.length > 0 && (
            <>
              <dt>{t('city.organizations')}</dt>
              <dd>{city.organizations.map((person) => person.organization ?? person.displayName).join(', ')}</dd>
            </>
          )}
        </dl>
        {city.visibility === RecordVisibility.Network && <p className="tag">{t('visibility.network')}</p>}
        {city.description && <p className="prewrap">{city.description}</p>}
        {city.statistics.length > 1 && (
          <details>
            <summary>{t('city.statistics')}</summary>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('indicators.year')}</th>
                    <th scope="col" className="number">
                      {t('city.population')}
                    </th>
                    <th scope="col" className="number">
                      {t('city.gdpMillion')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {city.statistics.map((row) => (
                    <tr key={row.year}>
                      <th scope="row">{row.year}</th>
                      <td className="number">{numbers.value(row.population)}</td>
                      <td className="number">{numbers.value(row.gdp)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </header>

      <section aria-labelledby="city-strategies">
        <h2 id="city-strategies">{t('strategy.title')}</h2>
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
      <Inventories city={city} />
      <Indicators key={version} city={city} />
      {city.canEdit && (
        <ImportCsv
          onImported={() => {
            setVersion((value) => value + 1);
            onChange();
          }}
        />
      )}
    </article>
  );
}

/** A city's profile: names, figures, strategy with target progress, actions, inventories and indicator series. */
export default function CityPage() {
  const { id = '' } = useParams();
  const city = useViewerApi<CityResponse>(`/cities/${id}`);
  return (
    <Async state={city}>{(current) => <CityProfile key={current.id} city={current} onChange={city.reload} />}</Async>
  );
}

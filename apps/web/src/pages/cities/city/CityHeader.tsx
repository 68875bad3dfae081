import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordVisibility, type CityResponse } from '@lcc/contracts';
import { useFormat } from '../../../ui/format';
import { localLanguage, useNumbers } from '../city-format';
import { CityForm } from '../edit/CityForm';

/** The city's names and figures: country, population, GDP, area, focal points, yearly statistics. */
export function CityHeader({ city }: { city: CityResponse }) {
  const { t } = useTranslation('cities');
  const format = useFormat();
  const numbers = useNumbers();
  const latestPopulation = [...city.statistics].reverse().find((row) => row.population !== null);
  const latestGdp = [...city.statistics].reverse().find((row) => row.gdp !== null);
  const [editing, setEditing] = useState(false);
  if (editing) return <CityForm city={city} onDone={() => setEditing(false)} />;
  return (
    <header className="card">
      <p className="muted">
        <Link to="/cities">{t('city.back')}</Link>
      </p>
      <div className="spread">
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
        {city.canEdit && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('edit.editCity')}
          </button>
        )}
      </div>
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
  );
}

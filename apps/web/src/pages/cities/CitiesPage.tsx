import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RecordVisibility, type CityResponse } from '@lcc/contracts';
import { useFormat } from '../../ui/format';
import { Field, SelectField } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { usePages } from '../../ui/use-api';
import { localLanguage, useCountryOptions, useNumbers } from './city-format';
import './cities.css';

/** The city directory: a list (no map) filtered by country and a search in English or local names. */
export default function CitiesPage() {
  const { t } = useTranslation('cities');
  const format = useFormat();
  const numbers = useNumbers();
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const q = params.get('q') ?? '';
  const countries = useCountryOptions(t('directory.anyCountry'));
  const query = { country, q, limit: 20 };
  const cities = usePages<CityResponse>('/cities', query);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const text = String(data.get('q') ?? '').trim();
    const code = String(data.get('country') ?? '');
    if (text) next.set('q', text);
    if (code) next.set('country', code);
    setParams(next);
  }

  return (
    <section className="cities">
      <div className="spread">
        <h1>{t('directory.title')}</h1>
        <span className="row">
          <Link className="button secondary" to="/compare">
            {t('directory.compare')}
          </Link>
          <Link className="button secondary" to="/eco-labels">
            {t('directory.ecoLabels')}
          </Link>
        </span>
      </div>
      <p className="muted">{t('directory.intro')}</p>
      <form className="card filters" role="search" aria-label={t('directory.searchLabel')} onSubmit={search}>
        <Field
          key={`q-${q}`}
          label={t('directory.search')}
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t('directory.searchPlaceholder')}
        />
        <SelectField
          key={`country-${country}`}
          label={t('directory.country')}
          name="country"
          defaultValue={country}
          options={countries}
        />
        <button type="submit">{t('directory.apply')}</button>
      </form>
      <Async state={cities}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{q || country ? t('directory.noMatches') : t('directory.empty')}</Empty>
          ) : (
            <>
              <ul className="city-list" aria-busy={cities.loading}>
                {items.map((city) => {
                  const latest = [...city.statistics].reverse().find((row) => row.population !== null);
                  return (
                    <li key={city.id} className="card">
                      <h2>
                        <Link to={`/cities/${city.id}`}>{city.nameEn}</Link>
                        {city.nameLocal && (
                          <>
                            {' '}
                            <span className="local-name" lang={localLanguage(city.country)}>
                              {city.nameLocal}
                            </span>
                          </>
                        )}
                      </h2>
                      <p className="row muted">
                        <span>{format.country(city.country)}</span>
                        {latest?.population != null && (
                          <span>
                            {t('city.populationIn', { value: numbers.value(latest.population), year: latest.year })}
                          </span>
                        )}
                        {city.visibility === RecordVisibility.Network && (
                          <span className="tag">{t('visibility.network')}</span>
                        )}
                      </p>
                    </li>
                  );
                })}
              </ul>
              {cities.hasMore && (
                <button type="button" className="secondary" disabled={cities.loadingMore} onClick={cities.loadMore}>
                  {t('common:more')}
                </button>
              )}
            </>
          )
        }
      </Async>
    </section>
  );
}

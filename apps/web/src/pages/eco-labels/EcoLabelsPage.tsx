import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type EcoLabelSchemeResponse, type Page, type ProductCategoryResponse } from '@lcc/contracts';
import { withQuery } from '../../api/client';
import { useFormat } from '../../ui/format';
import { SelectField } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { useApi } from '../../ui/use-api';
import { localLanguage, useCountryOptions } from '../cities/city-format';
import './eco-labels.css';

/** The eco-label registry: Type I schemes by country, filtered by country and product category. */
export default function EcoLabelsPage() {
  const { t } = useTranslation('ecolabels');
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const categoryId = params.get('categoryId') ?? '';
  const countries = useCountryOptions(t('registry.anyCountry'));
  const categories = useApi<Page<ProductCategoryResponse>>('/eco-labels/categories?limit=100');
  const schemes = useApi<Page<EcoLabelSchemeResponse>>(
    withQuery('/eco-labels/schemes', { country, categoryId, limit: 100 }),
  );
  const [compareCategory, setCompareCategory] = useState('');

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['country', 'categoryId']) {
      const value = String(data.get(name) ?? '');
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  const categoryOptions = (any: string) => [
    { value: '', label: any },
    ...(categories.data?.items ?? []).map((category) => ({ value: category.id, label: category.name })),
  ];

  return (
    <section className="eco-labels">
      <h1>{t('registry.title')}</h1>
      <p className="muted">{t('registry.intro')}</p>
      <form className="card filters" aria-label={t('registry.filters')} onSubmit={filter}>
        <SelectField
          key={`country-${country}`}
          label={t('registry.country')}
          name="country"
          defaultValue={country}
          options={countries}
        />
        <SelectField
          key={`category-${categoryId}-${categories.data ? 1 : 0}`}
          label={t('registry.category')}
          name="categoryId"
          defaultValue={categoryId}
          options={categoryOptions(t('registry.anyCategory'))}
        />
        <button type="submit">{t('registry.apply')}</button>
      </form>

      <Async state={schemes}>
        {(page) => {
          if (page.items.length === 0) {
            return <Empty>{country || categoryId ? t('registry.noMatches') : t('registry.empty')}</Empty>;
          }
          const byCountry = new Map<string, EcoLabelSchemeResponse[]>();
          for (const scheme of page.items)
            byCountry.set(scheme.country, [...(byCountry.get(scheme.country) ?? []), scheme]);
          return [...byCountry.entries()].map(([code, list]) => (
            <section key={code} className="card" aria-labelledby={`country-${code}`}>
              <h2 id={`country-${code}`}>{format.country(code)}</h2>
              <ul className="list">
                {list.map((scheme) => (
                  <li key={scheme.id}>
                    <h3 className="scheme-name">
                      <Link to={`/eco-labels/schemes/${scheme.id}`}>{scheme.name}</Link>
                      {scheme.localName && (
                        <>
                          {' '}
                          <span className="local-name" lang={localLanguage(scheme.country)}>
                            {scheme.localName}
                          </span>
                        </>
                      )}
                    </h3>
                    <p className="muted">
                      {scheme.establishedYear
                        ? t('scheme.operatorSince', { operator: scheme.operator, year: scheme.establishedYear })
                        : scheme.operator}
                    </p>
                    {scheme.categories.length > 0 && (
                      <p className="row">
                        <span className="visually-hidden">{t('scheme.categories')}:</span>
                        {scheme.categories.map((item) => (
                          <span key={item.category.id} className="tag">
                            {item.category.name}
                          </span>
                        ))}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ));
        }}
      </Async>

      <section className="card" aria-labelledby="eco-compare">
        <h2 id="eco-compare">{t('registry.compareTitle')}</h2>
        <p className="muted">{t('registry.compareIntro')}</p>
        <Async state={categories}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('registry.noCategories')}</Empty>
            ) : (
              <>
                <ul className="category-list">
                  {page.items.map((category) => (
                    <li key={category.id}>
                      <Link to={`/eco-labels/compare?categoryId=${category.id}`}>{category.name}</Link>
                      {category.description && <span className="muted"> · {category.description}</span>}
                    </li>
                  ))}
                </ul>
                <form
                  className="filters"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const chosen = compareCategory || page.items[0]!.id;
                    void navigate(`/eco-labels/compare?categoryId=${chosen}`);
                  }}
                >
                  <SelectField
                    label={t('registry.compareCategory')}
                    value={compareCategory || page.items[0]!.id}
                    onChange={(event) => setCompareCategory(event.target.value)}
                    options={page.items.map((category) => ({ value: category.id, label: category.name }))}
                  />
                  <button type="submit">{t('registry.compareSubmit')}</button>
                </form>
              </>
            )
          }
        </Async>
      </section>
    </section>
  );
}

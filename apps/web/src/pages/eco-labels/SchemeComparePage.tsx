import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  CriterionAspect,
  type CategoryComparisonResponse,
  type EcoLabelSchemeResponse,
  type Page,
  type ProductCategoryResponse,
} from '@lcc/contracts';
import { withQuery } from '../../api/client';
import { useFormat } from '../../ui/format';
import { SelectField } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { useApi } from '../../ui/use-api';
import './eco-labels.css';

const ASPECTS = Object.values(CriterionAspect);

function SchemeChoice({
  categoryId,
  chosen,
  onSubmit,
}: {
  categoryId: string;
  chosen: string[];
  onSubmit(ids: string[]): void;
}) {
  const { t } = useTranslation('ecolabels');
  const format = useFormat();
  const schemes = useApi<Page<EcoLabelSchemeResponse>>(withQuery('/eco-labels/schemes', { categoryId, limit: 100 }));
  const [picked, setPicked] = useState<string[] | null>(chosen.length ? chosen : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(picked ?? []);
  }

  return (
    <Async state={schemes}>
      {(page) =>
        page.items.length === 0 ? (
          <Empty>{t('compare.noSchemes')}</Empty>
        ) : (
          <form onSubmit={submit}>
            <fieldset className="choices">
              <legend>{t('compare.schemes')}</legend>
              <ul className="checks">
                {page.items.map((scheme) => {
                  const on = picked === null || picked.includes(scheme.id);
                  return (
                    <li key={scheme.id}>
                      <label className="choice">
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={(event) => {
                            const current = picked ?? page.items.map((item) => item.id);
                            setPicked(
                              event.target.checked ? [...current, scheme.id] : current.filter((id) => id !== scheme.id),
                            );
                          }}
                        />{' '}
                        {scheme.name} <span className="muted">({format.country(scheme.country)})</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            <button type="submit">{t('compare.submit')}</button>
          </form>
        )
      }
    </Async>
  );
}

function ComparisonTable({ comparison }: { comparison: CategoryComparisonResponse }) {
  const { t } = useTranslation('ecolabels');
  const format = useFormat();
  const { schemes } = comparison;
  if (schemes.length === 0) return <Empty>{t('compare.noSchemes')}</Empty>;
  const aspects = ASPECTS.filter((aspect) =>
    schemes.some((item) => item.criteria.some((criterion) => criterion.aspect === aspect)),
  );
  const nameOf = (id: string) => schemes.find((item) => item.scheme.id === id)?.scheme.name ?? '';
  return (
    <div className="table-scroll">
      <table className="side-by-side">
        <caption>{t('compare.tableCaption', { category: comparison.category.name })}</caption>
        <thead>
          <tr>
            <td />
            {schemes.map((item) => (
              <th key={item.scheme.id} scope="col">
                <Link to={`/eco-labels/schemes/${item.scheme.id}`}>{item.scheme.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('scheme.country')}</th>
            {schemes.map((item) => (
              <td key={item.scheme.id}>{format.country(item.scheme.country)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('scheme.operator')}</th>
            {schemes.map((item) => (
              <td key={item.scheme.id}>{item.scheme.operator}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('compare.standard')}</th>
            {schemes.map((item) => (
              <td key={item.scheme.id}>{item.standardCode ?? '—'}</td>
            ))}
          </tr>
          {aspects.map((aspect) => (
            <tr key={aspect}>
              <th scope="row">{t(`aspect.${aspect}`)}</th>
              {schemes.map((item) => {
                const criteria = item.criteria.filter((criterion) => criterion.aspect === aspect);
                return (
                  <td key={item.scheme.id}>
                    {criteria.length === 0 ? (
                      <span className="muted">{t('compare.notCovered')}</span>
                    ) : (
                      <ul className="criteria">
                        {criteria.map((criterion) => (
                          <li key={criterion.id}>
                            <strong>{criterion.title}</strong>
                            {criterion.requirement && <div>{criterion.requirement}</div>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('scheme.steps')}</th>
            {schemes.map((item) => (
              <td key={item.scheme.id}>
                {item.certificationSteps.length === 0 ? (
                  '—'
                ) : (
                  <ol className="steps compact">
                    {item.certificationSteps.map((step) => (
                      <li key={step.position}>
                        {step.title}
                        {step.durationDays !== null && (
                          <span className="muted"> · {t('scheme.days', { count: step.durationDays })}</span>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('compare.recognizes')}</th>
            {schemes.map((item) => (
              <td key={item.scheme.id}>
                {item.recognizedSchemeIds.length === 0 ? '—' : item.recognizedSchemeIds.map(nameOf).join(', ')}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Schemes side by side for one product category: operator, standard, criteria by aspect, steps, recognitions. */
export default function SchemeComparePage() {
  const { t } = useTranslation('ecolabels');
  const [params, setParams] = useSearchParams();
  const categories = useApi<Page<ProductCategoryResponse>>('/eco-labels/categories?limit=100');
  const categoryId = params.get('categoryId') ?? '';
  const schemeIds = (params.get('schemeIds') ?? '').split(',').filter(Boolean);
  const comparison = useApi<CategoryComparisonResponse>(
    categoryId
      ? withQuery(`/eco-labels/categories/${categoryId}/comparison`, { schemeIds: schemeIds.join(',') })
      : null,
  );

  return (
    <section className="eco-compare">
      <p className="muted">
        <Link to="/eco-labels">{t('scheme.back')}</Link>
      </p>
      <h1>{t('compare.title')}</h1>
      <div className="card">
        <Async state={categories}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('registry.noCategories')}</Empty>
            ) : (
              <div className="filters">
                <SelectField
                  label={t('registry.compareCategory')}
                  value={categoryId}
                  onChange={(event) =>
                    setParams(event.target.value ? new URLSearchParams({ categoryId: event.target.value }) : {})
                  }
                  options={[
                    { value: '', label: t('compare.chooseCategory') },
                    ...page.items.map((category) => ({ value: category.id, label: category.name })),
                  ]}
                />
              </div>
            )
          }
        </Async>
        {categoryId && (
          <SchemeChoice
            key={categoryId}
            categoryId={categoryId}
            chosen={schemeIds}
            onSubmit={(ids) => {
              const next = new URLSearchParams({ categoryId });
              if (ids.length) next.set('schemeIds', ids.join(','));
              setParams(next);
            }}
          />
        )}
      </div>
      {categoryId ? (
        <Async state={comparison}>
          {(result) => (
            <section className="card" aria-labelledby="eco-comparison">
              <h2 id="eco-comparison">{result.category.name}</h2>
              {result.category.description && <p className="muted">{result.category.description}</p>}
              <ComparisonTable comparison={result} />
            </section>
          )}
        </Async>
      ) : (
        <p className="empty">{t('compare.chooseFirst')}</p>
      )}
    </section>
  );
}

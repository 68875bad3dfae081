import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CriterionAspect,
  type EcoLabelSchemeResponse,
  type Page,
  type ProductCategoryResponse,
  type SchemeCategoryResponse,
} from '@lcc/contracts';
import { api } from '../../api/client';
import { Field, FormError, SelectField } from '../../ui/form';
import { useApi, useApiMutation } from '../../ui/use-api';
import { FormButtons } from '../cities/edit/CityForm';
import { asText, toText, useChecks, useProblems, type Problems } from '../cities/edit/form-kit';

let nextKey = 0;
const key = () => (nextKey += 1);

/**
 * A scheme's standard for one product category with its criteria in order, replaced as a whole
 * (`PUT /eco-labels/schemes/:id/categories/:categoryId`). A new one picks a category the scheme has not covered yet.
 */
export function SchemeCategoryForm({
  scheme,
  current,
  onDone,
}: {
  scheme: EcoLabelSchemeResponse;
  current?: SchemeCategoryResponse;
  onDone(): void;
}) {
  const { t } = useTranslation('ecolabels');
  const checks = useChecks();
  const categories = useApi<Page<ProductCategoryResponse>>(current ? null : '/eco-labels/categories?limit=100');
  const taken = new Set(scheme.categories.map((item) => item.category.id));
  const free = (categories.data?.items ?? []).filter((category) => !taken.has(category.id));
  const [categoryId, setCategoryId] = useState(current?.category.id ?? '');
  const [standardCode, setStandardCode] = useState(asText(current?.standardCode));
  const [criteria, setCriteria] = useState(() =>
    (current?.criteria ?? []).map((criterion) => ({
      key: key(),
      aspect: criterion.aspect,
      title: criterion.title,
      requirement: asText(criterion.requirement),
    })),
  );
  const save = useApiMutation(
    () =>
      api<SchemeCategoryResponse>(`/eco-labels/schemes/${scheme.id}/categories/${categoryId}`, {
        method: 'PUT',
        body: {
          standardCode: toText(standardCode),
          criteria: criteria.map((criterion) => ({
            aspect: criterion.aspect,
            title: criterion.title.trim(),
            requirement: toText(criterion.requirement),
          })),
        },
      }),
    { invalidates: ['/eco-labels'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const change = (at: number, field: 'aspect' | 'title' | 'requirement', value: string) =>
    setCriteria((list) => list.map((item, index) => (index === at ? { ...item, [field]: value } : item)));
  const headingId = `category-edit-${current?.category.id ?? 'new'}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      categoryId: checks.required(categoryId),
      standardCode: checks.maxLength(standardCode, 100),
    };
    criteria.forEach((criterion, index) => {
      found[`criteria[${index}].title`] = checks.required(criterion.title) ?? checks.maxLength(criterion.title, 300);
      found[`criteria[${index}].requirement`] = checks.maxLength(criterion.requirement, 2000);
    });
    if (problems.check(found)) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>
        {current ? t('edit.criteriaTitle', { category: current.category.name }) : t('edit.addCategory')}
      </h3>
      <div className="filters">
        {!current && (
          <SelectField
            label={t('edit.category')}
            value={categoryId}
            onChange={(event) => setCategoryId(event.target.value)}
            error={problems.text('categoryId')}
            options={[
              { value: '', label: t('edit.chooseCategory') },
              ...free.map((category) => ({ value: category.id, label: category.name })),
            ]}
          />
        )}
        <Field
          label={t('edit.standardCode')}
          value={standardCode}
          onChange={(event) => setStandardCode(event.target.value)}
          error={problems.text('standardCode')}
        />
      </div>
      <ol className="entry-list">
        {criteria.map((criterion, index) => (
          <li key={criterion.key} className="entry-row" aria-label={t('edit.criterionRow', { row: index + 1 })}>
            <SelectField
              label={t('criteria.aspect')}
              value={criterion.aspect}
              onChange={(event) => change(index, 'aspect', event.target.value)}
              options={Object.values(CriterionAspect).map((value) => ({ value, label: t(`aspect.${value}`) }))}
            />
            <Field
              label={t('criteria.title')}
              value={criterion.title}
              onChange={(event) => change(index, 'title', event.target.value)}
              error={problems.text(`criteria[${index}].title`)}
            />
            <Field
              label={t('criteria.requirement')}
              value={criterion.requirement}
              onChange={(event) => change(index, 'requirement', event.target.value)}
              error={problems.text(`criteria[${index}].requirement`)}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => setCriteria((list) => list.filter((item) => item.key !== criterion.key))}
            >
              {t('edit.removeCriterion', { row: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setCriteria((list) => [...list, { key: key(), aspect: CriterionAspect.Other, title: '', requirement: '' }])
        }
      >
        {t('edit.addCriterion')}
      </button>
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}

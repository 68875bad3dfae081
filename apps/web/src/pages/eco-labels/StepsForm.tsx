import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EcoLabelSchemeResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { Field, FormError } from '../../ui/form';
import { useApiMutation } from '../../ui/use-api';
import { FormButtons } from '../cities/edit/CityForm';
import { asText, toNumber, toText, useChecks, useProblems, type Problems } from '../cities/edit/form-kit';

let nextKey = 0;
const key = () => (nextKey += 1);

/** A scheme's certification steps in order, replaced as a whole (`PUT /eco-labels/schemes/:id/steps`). */
export function StepsForm({ scheme, onDone }: { scheme: EcoLabelSchemeResponse; onDone(): void }) {
  const { t } = useTranslation('ecolabels');
  const checks = useChecks();
  const [steps, setSteps] = useState(() =>
    scheme.certificationSteps.map((step) => ({
      key: key(),
      title: step.title,
      durationDays: asText(step.durationDays),
      description: asText(step.description),
    })),
  );
  const save = useApiMutation(
    () =>
      api<EcoLabelSchemeResponse>(`/eco-labels/schemes/${scheme.id}/steps`, {
        method: 'PUT',
        body: {
          steps: steps.map((step) => ({
            title: step.title.trim(),
            durationDays: toNumber(step.durationDays),
            description: toText(step.description),
          })),
        },
      }),
    { invalidates: ['/eco-labels'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const change = (at: number, field: 'title' | 'durationDays' | 'description', value: string) =>
    setSteps((list) => list.map((step, index) => (index === at ? { ...step, [field]: value } : step)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    steps.forEach((step, index) => {
      found[`steps[${index}].title`] = checks.required(step.title) ?? checks.maxLength(step.title, 300);
      const days = toNumber(step.durationDays);
      found[`steps[${index}].durationDays`] =
        days !== null && !(Number.isInteger(days) && days >= 0 && days <= 3650) ? t('edit.daysRange') : undefined;
      found[`steps[${index}].description`] = checks.maxLength(step.description, 2000);
    });
    if (problems.check(found)) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby="steps-edit" noValidate>
      <h2 id="steps-edit">{t('edit.stepsTitle')}</h2>
      <ol className="entry-list">
        {steps.map((step, index) => (
          <li key={step.key} className="entry-row" aria-label={t('edit.stepRow', { row: index + 1 })}>
            <Field
              label={t('edit.stepTitle')}
              value={step.title}
              onChange={(event) => change(index, 'title', event.target.value)}
              error={problems.text(`steps[${index}].title`)}
            />
            <Field
              label={t('edit.durationDays')}
              inputMode="numeric"
              className="narrow"
              value={step.durationDays}
              onChange={(event) => change(index, 'durationDays', event.target.value)}
              error={problems.text(`steps[${index}].durationDays`)}
            />
            <Field
              label={t('edit.stepDescription')}
              value={step.description}
              onChange={(event) => change(index, 'description', event.target.value)}
              error={problems.text(`steps[${index}].description`)}
            />
            <button
              type="button"
              className="secondary"
              disabled={index === 0}
              onClick={() =>
                setSteps((list) => [
                  ...list.slice(0, index - 1),
                  list[index]!,
                  list[index - 1]!,
                  ...list.slice(index + 1),
                ])
              }
            >
              {t('edit.moveUp', { row: index + 1 })}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => setSteps((list) => list.filter((item) => item.key !== step.key))}
            >
              {t('edit.removeStep', { row: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() => setSteps((list) => [...list, { key: key(), title: '', durationDays: '', description: '' }])}
      >
        {t('edit.addStep')}
      </button>
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}

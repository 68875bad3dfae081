import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordVisibility, StrategyStatus, StrategyType, type StrategyResponse } from '@lcc/contracts';
import { api } from '../../../api/client';
import { Field, FormError, SelectField, TextArea } from '../../../ui/form';
import { useApiMutation } from '../../../ui/use-api';
import { FormButtons, VisibilityField } from './CityForm';
import { asText, toNumber, toText, useChecks, useProblems } from './form-kit';

/**
 * A strategy's own fields: new under a city (`POST /cities/:id/strategies`) or changed (`PATCH /strategies/:id`).
 * Targets and actions are added one at a time below the strategy.
 */
export function StrategyForm({
  cityId,
  strategy,
  onDone,
}: {
  cityId: string;
  strategy?: StrategyResponse;
  onDone(): void;
}) {
  const { t } = useTranslation('cities');
  const checks = useChecks();
  const [draft, setDraft] = useState({
    title: strategy?.title ?? '',
    type: strategy?.type ?? StrategyType.LccStrategy,
    status: strategy?.status ?? StrategyStatus.Adopted,
    adoptionYear: asText(strategy?.adoptionYear),
    periodStart: asText(strategy?.periodStart),
    periodEnd: asText(strategy?.periodEnd),
    description: asText(strategy?.description),
    visibility: strategy?.visibility ?? RecordVisibility.Public,
  });
  const save = useApiMutation(
    () => {
      const body = {
        title: draft.title.trim(),
        type: draft.type,
        status: draft.status,
        adoptionYear: toNumber(draft.adoptionYear),
        periodStart: toNumber(draft.periodStart),
        periodEnd: toNumber(draft.periodEnd),
        description: toText(draft.description),
        visibility: draft.visibility,
      };
      return strategy
        ? api<StrategyResponse>(`/strategies/${strategy.id}`, { method: 'PATCH', body })
        : api<StrategyResponse>(`/cities/${cityId}/strategies`, { method: 'POST', body });
    },
    { invalidates: [`/cities/${cityId}/strategies`, '/strategies', '/analysis'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });
  const headingId = `strategy-form-${strategy?.id ?? 'new'}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const start = toNumber(draft.periodStart);
    const end = toNumber(draft.periodEnd);
    const ok = problems.check({
      title: checks.required(draft.title) ?? checks.maxLength(draft.title, 300),
      adoptionYear: checks.year(draft.adoptionYear),
      periodStart: checks.year(draft.periodStart),
      periodEnd:
        checks.year(draft.periodEnd) ??
        (start !== null && end !== null && end < start ? t('edit.periodOrder') : undefined),
      description: checks.maxLength(draft.description, 4000),
    });
    if (ok) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>
        {strategy ? t('edit.editStrategyTitle', { title: strategy.title }) : t('edit.addStrategy')}
      </h3>
      <Field
        label={t('edit.strategyTitle')}
        value={draft.title}
        onChange={set('title')}
        error={problems.text('title')}
      />
      <div className="filters">
        <SelectField
          label={t('edit.strategyType')}
          value={draft.type}
          onChange={set('type')}
          options={Object.values(StrategyType).map((value) => ({ value, label: t(`strategyType.${value}`) }))}
        />
        <SelectField
          label={t('edit.strategyStatus')}
          value={draft.status}
          onChange={set('status')}
          options={Object.values(StrategyStatus).map((value) => ({ value, label: t(`strategyStatus.${value}`) }))}
        />
        <Field
          label={t('edit.adoptionYear')}
          inputMode="numeric"
          className="narrow"
          value={draft.adoptionYear}
          onChange={set('adoptionYear')}
          error={problems.text('adoptionYear')}
        />
        <Field
          label={t('edit.periodStart')}
          inputMode="numeric"
          className="narrow"
          value={draft.periodStart}
          onChange={set('periodStart')}
          error={problems.text('periodStart')}
        />
        <Field
          label={t('edit.periodEnd')}
          inputMode="numeric"
          className="narrow"
          value={draft.periodEnd}
          onChange={set('periodEnd')}
          error={problems.text('periodEnd')}
        />
        <VisibilityField value={draft.visibility} onChange={(visibility) => setDraft({ ...draft, visibility })} />
      </div>
      <TextArea
        label={t('edit.description')}
        rows={3}
        value={draft.description}
        onChange={set('description')}
        error={problems.text('description')}
      />
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}

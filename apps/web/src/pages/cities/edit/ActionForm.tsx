import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionStatus, GpcSector, type ActionResponse } from '@lcc/contracts';
import { api } from '../../../api/client';
import { Field, FormError, SelectField, TextArea } from '../../../ui/form';
import { useApiMutation } from '../../../ui/use-api';
import { FormButtons } from './CityForm';
import { asText, toNumber, toText, useChecks, useProblems } from './form-kit';

/** An action of a strategy, new (`POST /strategies/:id/actions`) or changed (`PATCH …/actions/:actionId`). */
export function ActionForm({
  strategyId,
  cityId,
  action,
  onDone,
}: {
  strategyId: string;
  cityId: string;
  action?: ActionResponse;
  onDone(): void;
}) {
  const { t } = useTranslation('cities');
  const checks = useChecks();
  const [draft, setDraft] = useState({
    title: action?.title ?? '',
    sector: action?.sector ?? '',
    status: action?.status ?? ActionStatus.Planned,
    responsibleBody: asText(action?.responsibleBody),
    startYear: asText(action?.startYear),
    endYear: asText(action?.endYear),
    cost: asText(action?.cost),
    costCurrency: asText(action?.costCurrency),
    expectedReduction: asText(action?.expectedReduction),
    description: asText(action?.description),
  });
  const save = useApiMutation(
    () =>
      api<ActionResponse>(`/strategies/${strategyId}/actions${action ? `/${action.id}` : ''}`, {
        method: action ? 'PATCH' : 'POST',
        body: {
          title: draft.title.trim(),
          sector: draft.sector || null,
          status: draft.status,
          responsibleBody: toText(draft.responsibleBody),
          startYear: toNumber(draft.startYear),
          endYear: toNumber(draft.endYear),
          cost: toNumber(draft.cost),
          costCurrency: toText(draft.costCurrency)?.toUpperCase() ?? null,
          expectedReduction: toNumber(draft.expectedReduction),
          description: toText(draft.description),
        },
      }),
    { invalidates: [`/cities/${cityId}/strategies`, '/strategies'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });
  const headingId = `action-form-${action?.id ?? strategyId}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const start = toNumber(draft.startYear);
    const end = toNumber(draft.endYear);
    const ok = problems.check({
      title: checks.required(draft.title) ?? checks.maxLength(draft.title, 300),
      startYear: checks.year(draft.startYear),
      endYear:
        checks.year(draft.endYear) ??
        (start !== null && end !== null && end < start ? t('edit.periodOrder') : undefined),
      cost: checks.notNegative(draft.cost),
      costCurrency:
        draft.cost.trim() && !draft.costCurrency.trim()
          ? t('edit.currencyNeeded')
          : draft.costCurrency.trim() && !/^[A-Za-z]{3}$/.test(draft.costCurrency.trim())
            ? t('edit.currencyCode')
            : undefined,
      expectedReduction: checks.notNegative(draft.expectedReduction),
      responsibleBody: checks.maxLength(draft.responsibleBody, 300),
      description: checks.maxLength(draft.description, 4000),
    });
    if (ok) void save.run();
  }

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h4 id={headingId}>{action ? t('edit.editActionTitle', { title: action.title }) : t('edit.addAction')}</h4>
      <Field label={t('edit.actionTitle')} value={draft.title} onChange={set('title')} error={problems.text('title')} />
      <div className="filters">
        <SelectField
          label={t('action.sector')}
          value={draft.sector}
          onChange={set('sector')}
          options={[
            { value: '', label: t('action.crossCutting') },
            ...Object.values(GpcSector).map((value) => ({ value, label: t(`sector.${value}`) })),
          ]}
        />
        <SelectField
          label={t('action.status')}
          value={draft.status}
          onChange={set('status')}
          options={Object.values(ActionStatus).map((value) => ({ value, label: t(`actionStatus.${value}`) }))}
        />
        <Field
          label={t('edit.startYear')}
          inputMode="numeric"
          className="narrow"
          value={draft.startYear}
          onChange={set('startYear')}
          error={problems.text('startYear')}
        />
        <Field
          label={t('edit.endYear')}
          inputMode="numeric"
          className="narrow"
          value={draft.endYear}
          onChange={set('endYear')}
          error={problems.text('endYear')}
        />
        <Field
          label={t('edit.cost')}
          inputMode="decimal"
          value={draft.cost}
          onChange={set('cost')}
          error={problems.text('cost')}
        />
        <Field
          label={t('edit.costCurrency')}
          className="narrow"
          maxLength={3}
          value={draft.costCurrency}
          onChange={set('costCurrency')}
          error={problems.text('costCurrency')}
        />
        <Field
          label={t('edit.expectedReduction')}
          inputMode="decimal"
          value={draft.expectedReduction}
          onChange={set('expectedReduction')}
          error={problems.text('expectedReduction')}
        />
      </div>
      <Field
        label={t('edit.responsibleBody')}
        value={draft.responsibleBody}
        onChange={set('responsibleBody')}
        error={problems.text('responsibleBody')}
      />
      <TextArea
        label={t('edit.description')}
        rows={2}
        value={draft.description}
        onChange={set('description')}
        error={problems.text('description')}
      />
      <FormError error={save.error} />
      <FormButtons pending={save.pending} onCancel={onDone} />
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmissionScope, GpcSector, GreenhouseGas, TargetType, type TargetResponse } from '@lcc/contracts';
import { api } from '../../../api/client';
import { Field, FormError, SelectField, TextArea } from '../../../ui/form';
import { useApiMutation } from '../../../ui/use-api';
import { FormButtons } from './CityForm';
import { asText, toNumber, toText, useChecks, useProblems } from './form-kit';

/** Catalogue key of a target type (`net_zero` would read as an i18next plural form). */
const typeKey = (type: TargetType) => (type === TargetType.NetZero ? 'netZero' : type);

/** Which fields each target type asks for (docs/information-platform.md, "Target"). */
const NEEDS: Record<TargetType, { baseYear: boolean; reduction: boolean; baseline: boolean; level: boolean }> = {
  [TargetType.BaseYear]: { baseYear: true, reduction: true, baseline: false, level: false },
  [TargetType.Intensity]: { baseYear: true, reduction: true, baseline: false, level: false },
  [TargetType.BaselineScenario]: { baseYear: false, reduction: true, baseline: true, level: false },
  [TargetType.FixedLevel]: { baseYear: false, reduction: false, baseline: false, level: true },
  [TargetType.NetZero]: { baseYear: false, reduction: false, baseline: false, level: false },
};

/**
 * A target of a strategy, new (`POST /strategies/:id/targets`) or changed (`PATCH …/targets/:targetId`); the
 * fields follow the chosen type.
 */
export function TargetForm({
  strategyId,
  cityId,
  target,
  onDone,
}: {
  strategyId: string;
  cityId: string;
  target?: TargetResponse;
  onDone(): void;
}) {
  const { t } = useTranslation('cities');
  const checks = useChecks();
  const [draft, setDraft] = useState({
    type: target?.type ?? TargetType.BaseYear,
    gas: target?.gas ?? GreenhouseGas.Co2e,
    baseYear: asText(target?.baseYear),
    baseValue: asText(target?.baseValue),
    baselineValue: asText(target?.baselineValue),
    targetYear: asText(target?.targetYear),
    reductionPercent: asText(target?.reductionPercent),
    targetValue: asText(target?.targetValue),
    description: asText(target?.description),
  });
  const [sectors, setSectors] = useState<GpcSector[]>(target?.sectors ?? []);
  const [scopes, setScopes] = useState<EmissionScope[]>(target?.scopes ?? []);
  const needs = NEEDS[draft.type];
  const save = useApiMutation(
    () =>
      api<TargetResponse>(`/strategies/${strategyId}/targets${target ? `/${target.id}` : ''}`, {
        method: target ? 'PATCH' : 'POST',
        body: {
          type: draft.type,
          gas: draft.gas,
          sectors,
          scopes,
          baseYear: toNumber(draft.baseYear),
          baseValue: toNumber(draft.baseValue),
          baselineValue: needs.baseline ? toNumber(draft.baselineValue) : null,
          targetYear: toNumber(draft.targetYear),
          reductionPercent: needs.reduction ? toNumber(draft.reductionPercent) : null,
          targetValue: needs.level || draft.type === TargetType.NetZero ? toNumber(draft.targetValue) : null,
          description: toText(draft.description),
        },
      }),
    { invalidates: [`/cities/${cityId}/strategies`, '/strategies', '/analysis'], onSuccess: onDone },
  );
  const problems = useProblems(save.error);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });
  const headingId = `target-form-${target?.id ?? strategyId}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const required = t('edit.requiredForType');
    const baseYear = toNumber(draft.baseYear);
    const targetYear = toNumber(draft.targetYear);
    const ok = problems.check({
      baseYear: checks.year(draft.baseYear) ?? (needs.baseYear && baseYear === null ? required : undefined),
      targetYear:
        checks.required(draft.targetYear) ??
        checks.year(draft.targetYear) ??
        (baseYear !== null && targetYear !== null && targetYear <= baseYear ? t('edit.targetAfterBase') : undefined),
      baseValue: checks.notNegative(draft.baseValue),
      baselineValue:
        checks.notNegative(draft.baselineValue) ??
        (needs.baseline && !draft.baselineValue.trim() ? required : undefined),
      reductionPercent:
        checks.percent(draft.reductionPercent) ??
        (needs.reduction && !draft.reductionPercent.trim() ? required : undefined),
      targetValue:
        checks.notNegative(draft.targetValue) ?? (needs.level && !draft.targetValue.trim() ? required : undefined),
      description: checks.maxLength(draft.description, 2000),
    });
    if (ok) void save.run();
  }

  const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((item) => item !== value);

  return (
    <form className="card edit-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h4 id={headingId}>{target ? t('edit.editTargetTitle') : t('edit.addTarget')}</h4>
      <div className="filters">
        <SelectField
          label={t('edit.targetType')}
          value={draft.type}
          onChange={set('type')}
          options={Object.values(TargetType).map((value) => ({ value, label: t(`targetType.${typeKey(value)}`) }))}
        />
        <SelectField
          label={t('edit.gas')}
          value={draft.gas}
          onChange={set('gas')}
          options={Object.values(GreenhouseGas).map((value) => ({ value, label: t(`gas.${value}`) }))}
        />
        {(needs.baseYear || draft.type !== TargetType.FixedLevel) && (
          <Field
            label={t('edit.baseYear')}
            inputMode="numeric"
            className="narrow"
            value={draft.baseYear}
            onChange={set('baseYear')}
            error={problems.text('baseYear')}
          />
        )}
        <Field
          label={t('edit.targetYear')}
          inputMode="numeric"
          className="narrow"
          value={draft.targetYear}
          onChange={set('targetYear')}
          error={problems.text('targetYear')}
        />
        {needs.reduction && (
          <Field
            label={t('edit.reductionPercent')}
            inputMode="decimal"
            className="narrow"
            value={draft.reductionPercent}
            onChange={set('reductionPercent')}
            error={problems.text('reductionPercent')}
          />
        )}
        {draft.type !== TargetType.FixedLevel && (
          <Field
            label={draft.type === TargetType.Intensity ? t('edit.baseValueIntensity') : t('edit.baseValue')}
            inputMode="decimal"
            value={draft.baseValue}
            onChange={set('baseValue')}
            error={problems.text('baseValue')}
            hint={t('edit.baseValueHint')}
          />
        )}
        {needs.baseline && (
          <Field
            label={t('edit.baselineValue')}
            inputMode="decimal"
            value={draft.baselineValue}
            onChange={set('baselineValue')}
            error={problems.text('baselineValue')}
          />
        )}
        {(needs.level || draft.type === TargetType.NetZero) && (
          <Field
            label={t('edit.targetValue')}
            inputMode="decimal"
            value={draft.targetValue}
            onChange={set('targetValue')}
            error={problems.text('targetValue')}
          />
        )}
      </div>
      <fieldset className="choices">
        <legend>{t('edit.sectors')}</legend>
        <ul className="checks">
          {Object.values(GpcSector).map((sector) => (
            <li key={sector}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={sectors.includes(sector)}
                  onChange={(event) => setSectors(toggle(sectors, sector, event.target.checked))}
                />{' '}
                {t(`sector.${sector}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="choices">
        <legend>{t('edit.scopes')}</legend>
        <ul className="checks">
          {Object.values(EmissionScope).map((scope) => (
            <li key={scope}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(event) => setScopes(toggle(scopes, scope, event.target.checked))}
                />{' '}
                {t(`scope.${scope}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextArea
        label={t('edit.notes')}
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

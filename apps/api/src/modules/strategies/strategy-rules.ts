import {
  type ActionResponse,
  ActionStatus,
  CommonErrorCode,
  type ErrorDetail,
  GreenhouseGas,
  type TargetResponse,
  TargetType,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import type { CreateActionDto, CreateTargetDto } from './dto/strategy.dto.js';
import type { StrategyAction } from './entities/strategy-action.entity.js';
import type { StrategyTarget } from './entities/strategy-target.entity.js';

/** Cross-field rules of strategies, targets and actions, and their row and response mappings. */

export function failOn(problems: ErrorDetail[]): void {
  if (problems.length) throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, problems);
}

export function periodProblems(
  start: number | null | undefined,
  end: number | null | undefined,
  startField: string,
  endField: string,
): ErrorDetail[] {
  if (start == null || end == null || start <= end) return [];
  return [{ field: endField, message: `${endField} must not be before ${startField}` }];
}

type TargetFields = Partial<
  Pick<StrategyTarget, 'type' | 'baseYear' | 'baseValue' | 'baselineValue' | 'reductionPercent' | 'targetValue'>
> & { targetYear: number; type: TargetType };

/** What each target type needs to be assessed (see docs/information-platform.md). */
export function targetProblems(t: TargetFields, prefix: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const need = (ok: boolean, field: string, why: string) => {
    if (!ok) problems.push({ field: prefix + field, message: `${field} is required for a ${t.type} target${why}` });
  };
  if (t.baseYear != null && t.baseYear >= t.targetYear) {
    problems.push({ field: `${prefix}targetYear`, message: 'targetYear must be after baseYear' });
  }
  if (t.type !== TargetType.NetZero && t.type !== TargetType.FixedLevel) {
    need(t.reductionPercent != null, 'reductionPercent', '');
  }
  if (t.type === TargetType.BaseYear || t.type === TargetType.Intensity) need(t.baseYear != null, 'baseYear', '');
  if (t.type === TargetType.FixedLevel) need(t.targetValue != null, 'targetValue', ' (the level to reach)');
  if (t.type === TargetType.BaselineScenario) need(t.baselineValue != null, 'baselineValue', ' (BAU emissions)');
  return problems;
}

type ActionFields = Partial<Pick<StrategyAction, 'startYear' | 'endYear' | 'cost' | 'costCurrency'>>;

export function actionProblems(a: ActionFields, prefix: string): ErrorDetail[] {
  const problems = periodProblems(a.startYear, a.endYear, `${prefix}startYear`, `${prefix}endYear`);
  if (a.cost != null && a.costCurrency == null) {
    problems.push({ field: `${prefix}costCurrency`, message: 'costCurrency is required with a cost' });
  }
  return problems;
}

export function targetRow(strategyId: string, t: CreateTargetDto): Partial<StrategyTarget> {
  return {
    strategyId,
    type: t.type,
    gas: t.gas ?? GreenhouseGas.Co2e,
    scopes: t.scopes ?? [],
    sectors: t.sectors ?? [],
    baseYear: t.baseYear ?? null,
    baseValue: t.baseValue ?? null,
    baselineValue: t.baselineValue ?? null,
    targetYear: t.targetYear,
    reductionPercent: t.reductionPercent ?? (t.type === TargetType.NetZero ? 100 : null),
    targetValue: t.targetValue ?? null,
    description: t.description ?? null,
  };
}

export function actionRow(strategyId: string, a: CreateActionDto): Partial<StrategyAction> {
  return {
    strategyId,
    title: a.title,
    sector: a.sector ?? null,
    description: a.description ?? null,
    status: a.status ?? ActionStatus.Planned,
    responsibleBody: a.responsibleBody ?? null,
    startYear: a.startYear ?? null,
    endYear: a.endYear ?? null,
    cost: a.cost ?? null,
    costCurrency: a.costCurrency ?? null,
    expectedReduction: a.expectedReduction ?? null,
  };
}

export function toTargetResponse(t: StrategyTarget): TargetResponse {
  return {
    id: t.id,
    strategyId: t.strategyId,
    type: t.type,
    gas: t.gas,
    scopes: t.scopes,
    sectors: t.sectors,
    baseYear: t.baseYear,
    baseValue: t.baseValue,
    baselineValue: t.baselineValue,
    targetYear: t.targetYear,
    reductionPercent: t.reductionPercent,
    targetValue: t.targetValue,
    description: t.description,
  };
}

export function toActionResponse(a: StrategyAction): ActionResponse {
  return {
    id: a.id,
    strategyId: a.strategyId,
    title: a.title,
    sector: a.sector,
    description: a.description,
    status: a.status ?? ActionStatus.Planned,
    responsibleBody: a.responsibleBody,
    startYear: a.startYear,
    endYear: a.endYear,
    cost: a.cost,
    costCurrency: a.costCurrency,
    expectedReduction: a.expectedReduction,
  };
}

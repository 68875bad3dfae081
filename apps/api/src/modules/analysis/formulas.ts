/**
 * The arithmetic of the information platform, kept pure so it can be checked by hand:
 * total change = v1 / v0 − 1; compound annual growth rate = (v1 / v0)^(1 / (y1 − y0)) − 1;
 * a target's path is the straight line from (base year, base value) to (target year, target level).
 */
import { TargetProgressStatus, TargetType } from '@lcc/contracts';

/** Percent with four decimals (enough for reported figures like +7.0 % and stable in JSON). */
export function roundPercent(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** (v1 / v0 − 1) × 100, or null when v0 is not positive (a change from zero or a sign flip has no ratio). */
export function totalChangePercent(v0: number, v1: number): number | null {
  if (!(v0 > 0) || v1 < 0) return null;
  return (v1 / v0 - 1) * 100;
}

/** ((v1 / v0)^(1 / years) − 1) × 100: the constant yearly rate that turns v0 into v1. */
export function annualRatePercent(v0: number, v1: number, years: number): number | null {
  if (!(v0 > 0) || v1 < 0 || !(years > 0)) return null;
  return (Math.pow(v1 / v0, 1 / years) - 1) * 100;
}

export interface ComputedChange {
  fromYear: number;
  toYear: number;
  fromValue: number;
  toValue: number;
  totalChangePercent: number;
  annualRatePercent: number;
}

/** Both figures of a period, or null when they cannot be computed (same year, non-positive start). */
export function periodChange(
  fromYear: number,
  fromValue: number,
  toYear: number,
  toValue: number,
): ComputedChange | null {
  const total = totalChangePercent(fromValue, toValue);
  const annual = annualRatePercent(fromValue, toValue, toYear - fromYear);
  if (total === null || annual === null) return null;
  return {
    fromYear,
    toYear,
    fromValue,
    toValue,
    totalChangePercent: roundPercent(total),
    annualRatePercent: roundPercent(annual),
  };
}

/** The value on the straight line from (y0, v0) to (y1, v1) at `year`; the target level after y1. */
export function linearPath(y0: number, v0: number, y1: number, v1: number, year: number): number {
  if (year >= y1) return v1;
  if (year <= y0) return v0;
  return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
}

export interface TargetSpec {
  type: TargetType;
  reductionPercent: number | null;
  baselineValue: number | null;
  targetValue: number | null;
}

/**
 * The level a target aims at in its target year, from its base value:
 * base_year and intensity: base × (1 − r); baseline_scenario: BAU × (1 − r); fixed_level: the stated level;
 * net_zero: the stated level, 0 by default.
 */
export function targetLevel(target: TargetSpec, baseValue: number): number | null {
  const factor = target.reductionPercent === null ? null : 1 - target.reductionPercent / 100;
  switch (target.type) {
    case TargetType.BaseYear:
    case TargetType.Intensity:
      return factor === null ? null : baseValue * factor;
    case TargetType.BaselineScenario:
      return factor === null || target.baselineValue === null ? null : target.baselineValue * factor;
    case TargetType.FixedLevel:
      return target.targetValue;
    case TargetType.NetZero:
      return target.targetValue ?? 0;
  }
}

/** On track when the latest measured value is at or below the path value of its year. */
export function progressStatus(latest: number, path: number): TargetProgressStatus {
  // A relative tolerance keeps decimal noise (0.1 + 0.2) from turning "exactly on the path" into off track.
  return latest <= path + Math.abs(path) * 1e-9 ? TargetProgressStatus.OnTrack : TargetProgressStatus.OffTrack;
}

import { describe, expect, it } from '@jest/globals';
import { TargetProgressStatus, TargetType } from '@lcc/contracts';
import {
  annualRatePercent,
  linearPath,
  periodChange,
  progressStatus,
  targetLevel,
  totalChangePercent,
} from './formulas.js';

describe('information platform formulas', () => {
  it('total change and CAGR on a hand-computed series', () => {
    // 100 → 121 over two years: +21 % in total, +10 % a year.
    expect(totalChangePercent(100, 121)).toBeCloseTo(21, 10);
    expect(annualRatePercent(100, 121, 2)).toBeCloseTo(10, 10);
    // Halving over ten years: −50 % in total, 0.5^(1/10) − 1 = −6.6967 % a year.
    expect(annualRatePercent(200, 100, 10)).toBeCloseTo(-6.696700846, 6);
    expect(periodChange(1990, 1, 2005, 2.759031541)).toEqual({
      fromYear: 1990,
      toYear: 2005,
      fromValue: 1,
      toValue: 2.759031541,
      totalChangePercent: 175.9032,
      annualRatePercent: 7,
    });
  });

  it('has no ratio from zero or negative starts, nor over zero years', () => {
    expect(totalChangePercent(0, 5)).toBeNull();
    expect(annualRatePercent(-1, 5, 3)).toBeNull();
    expect(annualRatePercent(1, 5, 0)).toBeNull();
    expect(periodChange(2000, 10, 2000, 12)).toBeNull();
  });

  it('draws the target path as a straight line and holds the level after the target year', () => {
    expect(linearPath(2010, 1000, 2030, 600, 2020)).toBe(800);
    expect(linearPath(2010, 1000, 2030, 600, 2015)).toBe(900);
    expect(linearPath(2010, 1000, 2030, 600, 2035)).toBe(600);
  });

  it('derives target levels by type', () => {
    const base = { reductionPercent: 40, baselineValue: null, targetValue: null };
    expect(targetLevel({ ...base, type: TargetType.BaseYear }, 1000)).toBeCloseTo(600, 10);
    expect(targetLevel({ ...base, type: TargetType.Intensity }, 2.5)).toBeCloseTo(1.5, 10);
    expect(targetLevel({ ...base, type: TargetType.BaselineScenario, baselineValue: 2000 }, 1000)).toBeCloseTo(1200);
    expect(targetLevel({ ...base, type: TargetType.FixedLevel, targetValue: 700 }, 1000)).toBe(700);
    expect(targetLevel({ ...base, type: TargetType.NetZero }, 1000)).toBe(0);
    expect(targetLevel({ ...base, type: TargetType.BaseYear, reductionPercent: null }, 1000)).toBeNull();
  });

  it('is on track at or below the path, off track above it', () => {
    expect(progressStatus(800, 800)).toBe(TargetProgressStatus.OnTrack);
    expect(progressStatus(0.1 + 0.2, 0.3)).toBe(TargetProgressStatus.OnTrack);
    expect(progressStatus(801, 800)).toBe(TargetProgressStatus.OffTrack);
  });
});

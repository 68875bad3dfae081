import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetProgressStatus, TargetType, type TargetProgressResponse, type TargetResponse } from '@lcc/contracts';
import { useNumbers } from '../city-format';

/** Catalogue key of a target type (`net_zero` would read as an i18next plural form). */
const typeKey = (type: TargetType) => (type === TargetType.NetZero ? 'netZero' : type);

/** How far a target has come: the share of the way from the base value to the target level (0–100). */
function achieved(progress: TargetProgressResponse): number | null {
  const { baseValue, targetValue, latestValue } = progress;
  if (baseValue === null || targetValue === null || latestValue === null || baseValue === targetValue) return null;
  const share = ((baseValue - latestValue) / (baseValue - targetValue)) * 100;
  return Math.max(0, Math.min(100, share));
}

/** One target: its aim, what it covers and, when known, how far it has come. */
export function TargetItem({
  target,
  progress,
  tools,
}: {
  target: TargetResponse;
  progress?: TargetProgressResponse;
  /** Edit and delete, for the strategy's editors. */
  tools?: ReactNode;
}) {
  const { t } = useTranslation('cities');
  const numbers = useNumbers();
  const unit = target.type === TargetType.Intensity ? t('units.intensity') : t('units.emissions');
  const percent = numbers.value(target.reductionPercent ?? 100);
  const coverage = [
    target.sectors.length ? target.sectors.map((sector) => t(`sector.${sector}`)).join(', ') : t('target.cityWide'),
    target.scopes.length ? target.scopes.map((scope) => t(`scope.${scope}`)).join(', ') : t('target.allScopes'),
    t(`gas.${target.gas}`),
  ].join(' · ');
  const aim = t(`target.aim.${typeKey(target.type)}`, {
    percent,
    baseYear: target.baseYear ?? '—',
    targetYear: target.targetYear,
    baseline: numbers.value(target.baselineValue),
    level: numbers.value(target.targetValue),
    unit,
  });
  const share = progress ? achieved(progress) : null;
  const status = progress?.status ?? TargetProgressStatus.NoData;
  return (
    <li className="target">
      <div className="spread">
        <h4>{aim}</h4>
        <span className={`tag progress-${status}`}>{t(`progress.${status}`)}</span>
      </div>
      <p className="muted">
        {t(`targetType.${typeKey(target.type)}`)} · {coverage}
      </p>
      {tools}
      {target.description && <p>{target.description}</p>}
      {progress && (
        <>
          {share !== null && (
            <div className="target-bar">
              <progress
                max={100}
                value={share}
                aria-label={t('progress.achievedLabel', { percent: numbers.share(share) })}
              />
              <span>{t('progress.achieved', { percent: numbers.share(share) })}</span>
            </div>
          )}
          <dl className="facts target-facts">
            <dt>{t('progress.base')}</dt>
            <dd>
              {progress.baseValue === null
                ? '—'
                : t('progress.valueIn', { value: numbers.value(progress.baseValue), unit, year: progress.baseYear })}
            </dd>
            <dt>{t('progress.target')}</dt>
            <dd>
              {progress.targetValue === null
                ? '—'
                : t('progress.valueIn', {
                    value: numbers.value(progress.targetValue),
                    unit,
                    year: progress.targetYear,
                  })}
            </dd>
            <dt>{t('progress.latest')}</dt>
            <dd>
              {progress.latestValue === null
                ? '—'
                : t('progress.valueIn', {
                    value: numbers.value(progress.latestValue),
                    unit,
                    year: progress.latestYear,
                  })}
            </dd>
            <dt>{t('progress.path')}</dt>
            <dd>
              {progress.pathValue === null
                ? '—'
                : t('progress.value', { value: numbers.value(progress.pathValue), unit })}
            </dd>
          </dl>
          {progress.status === TargetProgressStatus.NoData && progress.reason && (
            <p className="muted">{t('progress.reason', { reason: progress.reason })}</p>
          )}
        </>
      )}
    </li>
  );
}

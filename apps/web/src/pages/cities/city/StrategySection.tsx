import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StrategyProgressResponse, StrategyResponse, TargetResponse } from '@lcc/contracts';
import { useSession } from '../../../api/session';
import { useFormat } from '../../../ui/format';
import { Empty } from '../../../ui/states';
import { useNumbers } from '../city-format';
import { useApi } from '../../../ui/use-api';
import { ActionForm } from '../edit/ActionForm';
import { DeleteButton } from '../edit/DeleteButton';
import { StrategyForm } from '../edit/StrategyForm';
import { TargetForm } from '../edit/TargetForm';
import { TargetItem } from './TargetItem';

/** Targets in the order of their years, so a page reads the same every time. */
function byTargetYear(a: TargetResponse, b: TargetResponse): number {
  return a.targetYear - b.targetYear || (a.baseYear ?? 0) - (b.baseYear ?? 0) || a.id.localeCompare(b.id);
}

/** A strategy: its targets with their progress, and its actions. */
export function StrategySection({ strategy }: { strategy: StrategyResponse }) {
  const { t } = useTranslation('cities');
  const { state } = useSession();
  const numbers = useNumbers();
  const format = useFormat();
  const progress = useApi<StrategyProgressResponse>(`/analysis/strategies/${strategy.id}/progress`);
  const headingId = `strategy-${strategy.id}`;
  // What is open: the strategy, a new target or action, or an existing one (`target:<id>`, `action:<id>`).
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => setEditing(null);
  const cityId = strategy.city.id;
  const invalidates = [`/cities/${cityId}/strategies`, '/strategies', '/analysis'];
  const tools = (kind: 'target' | 'action', id: string, name: string) =>
    strategy.canEdit &&
    editing === null && (
      <span className="row">
        <button type="button" className="link" onClick={() => setEditing(`${kind}:${id}`)}>
          {t(kind === 'target' ? 'edit.editTarget' : 'edit.editAction', { title: name })}
        </button>
        <DeleteButton
          label={t(kind === 'target' ? 'edit.deleteTarget' : 'edit.deleteAction', { title: name })}
          question={t(kind === 'target' ? 'edit.deleteTargetQuestion' : 'edit.deleteActionQuestion', { title: name })}
          path={`/strategies/${strategy.id}/${kind}s/${id}`}
          invalidates={invalidates}
        />
      </span>
    );
  const money = (value: number, currency: string | null) =>
    currency
      ? new Intl.NumberFormat(format.language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
      : numbers.value(value);
  const period =
    strategy.periodStart !== null || strategy.periodEnd !== null
      ? t('strategy.period', { from: strategy.periodStart ?? '…', to: strategy.periodEnd ?? '…' })
      : null;

  return (
    <section className="card strategy" aria-labelledby={headingId}>
      <div className="spread">
        <h3 id={headingId}>{strategy.title}</h3>
        <div className="row">
          {strategy.canEdit && editing === null && (
            <button type="button" className="secondary" onClick={() => setEditing('strategy')}>
              {t('edit.editStrategy')}
            </button>
          )}
          {state.status === 'signed_in' && strategy.roomId && (
            <Link className="button secondary" to={`/rooms/${strategy.roomId}`}>
              {t('strategy.discuss')}
            </Link>
          )}
        </div>
      </div>
      {editing === 'strategy' && <StrategyForm cityId={cityId} strategy={strategy} onDone={done} />}
      {strategy.canEdit && editing === null && (
        <p>
          <DeleteButton
            label={t('edit.deleteStrategy')}
            question={t('edit.deleteStrategyQuestion', { title: strategy.title })}
            path={`/strategies/${strategy.id}`}
            invalidates={invalidates}
          />
        </p>
      )}
      <p className="row">
        <span className="tag">{t(`strategyType.${strategy.type}`)}</span>
        <span className="tag">{t(`strategyStatus.${strategy.status}`)}</span>
        {period && <span className="muted">{period}</span>}
        {strategy.adoptionYear !== null && (
          <span className="muted">{t('strategy.adopted', { year: strategy.adoptionYear })}</span>
        )}
      </p>
      {strategy.description && <p className="prewrap">{strategy.description}</p>}

      <div className="spread">
        <h4 className="subhead">{t('strategy.targets')}</h4>
        {strategy.canEdit && editing === null && (
          <button type="button" className="secondary" onClick={() => setEditing('target')}>
            {t('edit.addTarget')}
          </button>
        )}
      </div>
      {editing === 'target' && <TargetForm strategyId={strategy.id} cityId={cityId} onDone={done} />}
      {progress.error && <p className="muted">{t('progress.unavailable')}</p>}
      {strategy.targets.length === 0 ? (
        <Empty>{t('strategy.noTargets')}</Empty>
      ) : (
        <ul className="list">
          {[...strategy.targets].sort(byTargetYear).map((target) =>
            editing === `target:${target.id}` ? (
              <li key={target.id}>
                <TargetForm strategyId={strategy.id} cityId={cityId} target={target} onDone={done} />
              </li>
            ) : (
              <TargetItem
                key={target.id}
                target={target}
                progress={progress.data?.targets.find((item) => item.targetId === target.id)}
                tools={tools('target', target.id, String(target.targetYear))}
              />
            ),
          )}
        </ul>
      )}

      <div className="spread">
        <h4 className="subhead">{t('strategy.actions')}</h4>
        {strategy.canEdit && editing === null && (
          <button type="button" className="secondary" onClick={() => setEditing('action')}>
            {t('edit.addAction')}
          </button>
        )}
      </div>
      {editing === 'action' && <ActionForm strategyId={strategy.id} cityId={cityId} onDone={done} />}
      {strategy.actions
        .filter((action) => editing === `action:${action.id}`)
        .map((action) => (
          <ActionForm key={action.id} strategyId={strategy.id} cityId={cityId} action={action} onDone={done} />
        ))}
      {strategy.actions.length === 0 ? (
        <Empty>{t('strategy.noActions')}</Empty>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('strategy.actionsOf', { title: strategy.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('action.title')}</th>
                <th scope="col">{t('action.sector')}</th>
                <th scope="col">{t('action.status')}</th>
                <th scope="col">{t('action.years')}</th>
                <th scope="col" className="number">
                  {t('action.cost')}
                </th>
                <th scope="col" className="number">
                  {t('action.reduction')}
                </th>
              </tr>
            </thead>
            <tbody>
              {strategy.actions.map((action) => (
                <tr key={action.id}>
                  <td>
                    {action.title}
                    {action.responsibleBody && <div className="muted">{action.responsibleBody}</div>}
                    {action.description && <div className="muted">{action.description}</div>}
                    {tools('action', action.id, action.title)}
                  </td>
                  <td>{action.sector ? t(`sector.${action.sector}`) : t('action.crossCutting')}</td>
                  <td>{t(`actionStatus.${action.status}`)}</td>
                  <td>
                    {action.startYear ?? '…'}–{action.endYear ?? '…'}
                  </td>
                  <td className="number">{action.cost === null ? '—' : money(action.cost, action.costCurrency)}</td>
                  <td className="number">
                    {action.expectedReduction === null
                      ? '—'
                      : t('action.perYear', { value: numbers.value(action.expectedReduction) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h4 className="subhead">{t('strategy.documents')}</h4>
      {strategy.documents.length === 0 ? (
        <Empty>{t('strategy.noDocuments')}</Empty>
      ) : (
        <ul>
          {strategy.documents.map((document) => (
            <li key={document.id}>
              <Link to={`/documents/${document.id}`}>{document.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

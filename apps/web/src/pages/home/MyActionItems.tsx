import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyActionItemResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { useFormat } from '../../ui/format';
import { FormError } from '../../ui/form';
import { Async, Empty } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';

/**
 * The reader's open action items across meetings, due first; ticking one marks it done (the server keeps the
 * meeting's list). A due date is a day in the calendar, so it is shown as that day in every time zone.
 */
export function MyActionItems() {
  const { t } = useTranslation('home');
  const items = useApi<MyActionItemResponse[]>('/action-items');
  const day = useFormat('UTC');
  // Ticked at once; the item leaves the list when the refreshed list arrives (or unticks if the change failed).
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const complete = useApiMutation(
    (item: MyActionItemResponse) =>
      api(`/meetings/${item.meeting.id}/action-items/${item.id}`, { method: 'PATCH', body: { done: true } }),
    { invalidates: ['/action-items', `/meetings`] },
  );

  return (
    <section className="card" aria-labelledby="home-action-items">
      <h2 id="home-action-items">{t('actionItems.title')}</h2>
      <Async state={items}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('actionItems.none')}</Empty>
          ) : (
            <ul className="list">
              {list.map((item) => (
                <li key={`${item.meeting.id}:${item.id}`}>
                  <label className="row">
                    <input
                      type="checkbox"
                      checked={item.done || ticked.has(item.id)}
                      disabled={complete.pending}
                      onChange={() => {
                        setTicked((all) => new Set(all).add(item.id));
                        void complete.run(item).then((result) => {
                          if (result === undefined)
                            setTicked((all) => new Set([...all].filter((id) => id !== item.id)));
                        });
                      }}
                    />
                    <span>{item.text}</span>
                  </label>
                  <div className="muted">
                    <Link to={`/meetings/${item.meeting.id}`}>{item.meeting.title}</Link>
                    {item.dueDate && (
                      <>
                        {' — '}
                        <span className={item.overdue ? 'tag warning' : undefined}>
                          {t(item.overdue ? 'actionItems.overdue' : 'actionItems.due', {
                            date: day.date(`${item.dueDate}T00:00:00Z`),
                          })}
                        </span>
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <FormError error={complete.error} />
    </section>
  );
}

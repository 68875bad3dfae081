import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PollSummaryResponse } from '@lcc/contracts';
import { useFormat } from '../../ui/format';
import { Async, Empty } from '../../ui/states';
import { useApi } from '../../ui/use-api';

/** Open polls of the reader's groups, those still waiting for their answer first (refetched on `poll.updated`). */
export function OpenPolls() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const polls = useApi<PollSummaryResponse[]>('/polls');
  return (
    <section className="card" aria-labelledby="home-polls">
      <h2 id="home-polls">{t('openPolls.title')}</h2>
      <Async state={polls}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('openPolls.none')}</Empty>
          ) : (
            <ul className="list">
              {[...list]
                .sort((a, b) => Number(a.answeredByMe) - Number(b.answeredByMe))
                .map((poll) => (
                  <li key={poll.id}>
                    <Link to={`/polls/${poll.id}`}>{poll.title}</Link>{' '}
                    <span className={poll.answeredByMe ? 'tag ok' : 'tag flag'}>
                      {t(poll.answeredByMe ? 'openPolls.answered' : 'openPolls.waiting')}
                    </span>
                    <div className="muted">
                      {poll.groupName}
                      {poll.deadline && ` — ${t('openPolls.closes', { date: format.dateTime(poll.deadline) })}`}
                    </div>
                  </li>
                ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

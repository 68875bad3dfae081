import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ThreadSummary, ThreadUpdate } from '@lcc/contracts';
import { useSocketEvent } from '../../api/realtime';
import { useFormat } from '../../ui/format';
import { Empty, Loading } from '../../ui/states';
import { usePages } from '../../ui/use-api';
import { MessageBody } from './markdown';
import { personName } from '../../ui/person-name';

/**
 * The threads I started or replied to, those with replies I have not read first (the server's order). A new reply
 * to one of them, or a first reply to one of mine, and reading a thread elsewhere, refetch the list.
 */
export function MyThreads() {
  const { t } = useTranslation('discussions');
  const format = useFormat();
  const threads = usePages<ThreadSummary>('/threads', { limit: 30 });
  const { data, reload } = threads;
  useSocketEvent(
    'thread.updated',
    useCallback(
      (update: ThreadUpdate) => {
        if (update.replyCount === 1 || data?.some((item) => item.root.id === update.threadRootId)) reload();
      },
      [data, reload],
    ),
  );
  useSocketEvent(
    'unread.updated',
    useCallback((payload: { threadRootId?: string }) => payload.threadRootId && reload(), [reload]),
  );

  return (
    <section className="my-threads" aria-labelledby="my-threads-title">
      <Link to="/rooms" className="back-to-rooms">
        {t('backToRooms')}
      </Link>
      <h1 id="my-threads-title">{t('myThreads')}</h1>
      {data === undefined ? (
        <Loading />
      ) : data.length === 0 ? (
        <Empty>{t('noThreads')}</Empty>
      ) : (
        <ul className="list thread-list">
          {data.map((item) => (
            <li key={item.root.id} className={item.unreadCount > 0 ? 'card unread' : 'card'}>
              <div className="spread">
                <span className="muted">
                  {item.room.name ?? t(`kind.${item.room.kind}`)} · {personName(t, item.root.author)}
                </span>
                {item.unreadCount > 0 && <span className="badge">{t('newReplies', { count: item.unreadCount })}</span>}
              </div>
              <MessageBody body={item.root.body} />
              <div className="row">
                <Link to={`/rooms/${item.room.id}`} state={{ threadRoot: item.root }}>
                  {t('replies', { count: item.root.replyCount })}
                </Link>
                <span className="muted">{t('lastReply', { time: format.dateTime(item.lastReplyAt) })}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {threads.hasMore && (
        <button type="button" className="secondary" onClick={threads.loadMore} disabled={threads.loadingMore}>
          {t('moreThreads')}
        </button>
      )}
    </section>
  );
}

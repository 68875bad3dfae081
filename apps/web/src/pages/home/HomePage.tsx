import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  DocumentResponse,
  MeetingResponse,
  NotificationResponse,
  Page,
  RoomResponse,
  WorkingGroupResponse,
} from '@lcc/contracts';
import { api } from '../../api/client';
import { useMember } from '../../api/session';
import { useFormat } from '../../ui/format';
import { Async, Empty } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';
import { MyActionItems } from './MyActionItems';
import { OpenPolls } from './OpenPolls';
import { notificationLink } from './notification-link';
import { useNotificationText } from './notification-text';

export default function HomePage() {
  const { t } = useTranslation('home');
  const member = useMember();
  const format = useFormat();
  const groups = useApi<Page<WorkingGroupResponse>>('/working-groups?mine=true&limit=10');
  // Fixed when the page opens: a path that changed on every render would fetch on every render.
  const [now] = useState(() => new Date().toISOString());
  const meetings = useApi<Page<MeetingResponse>>(`/meetings?mine=true&limit=5&from=${encodeURIComponent(now)}`);
  const rooms = useApi<Page<RoomResponse>>('/rooms?limit=50');
  const documents = useApi<Page<DocumentResponse>>('/documents?limit=5');
  const notifications = useApi<Page<NotificationResponse>>('/notifications?limit=10');

  // New notifications arrive through the query layer (`notification.created`).
  const readAll = useApiMutation(() => api('/notifications/read-all', { method: 'POST' }), {
    invalidates: ['/notifications'],
  });
  // Opening a notification marks it read (the bell's count follows).
  const markRead = useApiMutation((id: string) => api(`/notifications/${id}/read`, { method: 'POST' }), {
    invalidates: ['/notifications'],
  });
  const sentence = useNotificationText();

  return (
    <>
      <h1>{t('welcome', { name: member.displayName })}</h1>
      <div className="grid">
        <section className="card" aria-labelledby="home-groups">
          <h2 id="home-groups">{t('myGroups')}</h2>
          <Async state={groups}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>
                  {t('noGroups')} <Link to="/groups">{t('browseGroups')}</Link>
                </Empty>
              ) : (
                <ul className="list">
                  {page.items.map((group) => (
                    <li key={group.id}>
                      <Link to={`/groups/${group.id}`}>{group.name}</Link>
                    </li>
                  ))}
                </ul>
              )
            }
          </Async>
        </section>
        <section className="card" aria-labelledby="home-meetings">
          <h2 id="home-meetings">{t('upcomingMeetings')}</h2>
          <Async state={meetings}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('noMeetings')}</Empty>
              ) : (
                <ul className="list">
                  {page.items.map((meeting) => (
                    <li key={meeting.id}>
                      <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
                      <div className="muted">
                        <time dateTime={meeting.startsAt}>{format.dateTime(meeting.startsAt)}</time>
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </Async>
        </section>
        <MyActionItems />
        <OpenPolls />
        <section className="card" aria-labelledby="home-rooms">
          <h2 id="home-rooms">{t('discussions')}</h2>
          <Async state={rooms}>
            {(page) => {
              const active = page.items.filter((room) => room.unreadCount > 0 || room.mentionCount > 0);
              return active.length === 0 ? (
                <Empty>{t('allRead')}</Empty>
              ) : (
                <ul className="list">
                  {active.map((room) => (
                    <li key={room.id} className="spread">
                      <Link to={`/rooms/${room.id}`}>{room.name ?? t('untitledRoom')}</Link>
                      <span>
                        {room.mentionCount > 0 && (
                          <span className="tag">{t('mentions', { count: room.mentionCount })}</span>
                        )}{' '}
                        <span className="badge" aria-label={t('unread', { count: room.unreadCount })}>
                          {room.unreadCount}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              );
            }}
          </Async>
        </section>
        <section className="card" aria-labelledby="home-documents">
          <h2 id="home-documents">{t('recentDocuments')}</h2>
          <Async state={documents}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{t('noDocuments')}</Empty>
              ) : (
                <ul className="list">
                  {page.items.map((document) => (
                    <li key={document.id}>
                      <Link to={`/documents/${document.id}`}>{document.title}</Link>
                      <div className="muted">{format.date(document.createdAt)}</div>
                    </li>
                  ))}
                </ul>
              )
            }
          </Async>
        </section>
      </div>
      <section className="card" aria-labelledby="home-notifications">
        <div className="spread">
          <h2 id="home-notifications">{t('notifications')}</h2>
          <button type="button" className="secondary" onClick={() => void readAll.run()}>
            {t('markAllRead')}
          </button>
        </div>
        <Async state={notifications}>
          {(page) =>
            page.items.length === 0 ? (
              <Empty>{t('noNotifications')}</Empty>
            ) : (
              <ul className="list" aria-live="polite">
                {page.items.map((notification) => (
                  <li key={notification.id} className={notification.readAt ? 'muted' : undefined}>
                    {!notification.readAt && <span className="visually-hidden">{t('unreadMark')}</span>}
                    <span className="tag">{t(`notificationType.${notification.type}`)}</span>{' '}
                    <Link
                      to={notificationLink(notification)}
                      onClick={() => !notification.readAt && void markRead.run(notification.id)}
                    >
                      {sentence(notification)}
                    </Link>{' '}
                    <time className="muted" dateTime={notification.createdAt}>
                      {format.dateTime(notification.createdAt)}
                    </time>
                  </li>
                ))}
              </ul>
            )
          }
        </Async>
      </section>
    </>
  );
}

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessagePage, MessageResponse, PresenceStatus, RoomMemberResponse, RoomResponse } from '@lcc/contracts';
import { withQuery } from '../../api/client';
import { emitAck, useRealtime, useSocketEvent } from '../../api/realtime';
import { useMember } from '../../api/session';
import { useApi } from '../../ui/use-api';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';
import { roomTitle } from './room-title';
import { RoomSettings } from './RoomSettings';
import { useRoomTimeline } from './use-room-timeline';

const TYPING_SHOWN_MS = 4000;
const NO_MEMBERS: RoomMemberResponse[] = [];

/** Who is in the room (for mentions and presence dots); `presence` events patch the cached list. */
function useRoomMembers(roomId: string): RoomMemberResponse[] {
  const members = useApi<RoomMemberResponse[]>(`/rooms/${roomId}/members`);
  const { set } = members;
  useSocketEvent(
    'presence',
    useCallback(
      (payload: { memberId: string; status: PresenceStatus }) =>
        set((current) =>
          current?.map((member) =>
            member.memberId === payload.memberId ? { ...member, presence: payload.status } : member,
          ),
        ),
      [set],
    ),
  );
  return members.data ?? NO_MEMBERS;
}

function useTyping(roomId: string, myId: string) {
  const [typing, setTyping] = useState<Map<string, { name: string; until: number }>>(new Map());
  useSocketEvent(
    'typing',
    useCallback(
      (payload: { roomId: string; memberId: string; displayName: string }) => {
        if (payload.roomId !== roomId || payload.memberId === myId) return;
        setTyping((current) =>
          new Map(current).set(payload.memberId, { name: payload.displayName, until: Date.now() + TYPING_SHOWN_MS }),
        );
      },
      [roomId, myId],
    ),
  );
  useEffect(() => {
    const timer = setInterval(() => {
      setTyping((current) => {
        const now = Date.now();
        const next = new Map([...current].filter(([, entry]) => entry.until > now));
        return next.size === current.size ? current : next;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  return [...typing.values()].map((entry) => entry.name);
}

/** A thread beside the room: earlier replies from REST, newer ones from the room's own timeline. */
function Thread({
  root,
  roomId,
  messages,
  members,
  presence,
  onSend,
  onClose,
}: {
  root: MessageResponse;
  roomId: string;
  messages: MessageResponse[];
  members: RoomMemberResponse[];
  presence: Map<string, string>;
  onSend: (body: string, attachmentIds: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('discussions');
  const earlier = useApi<MessagePage>(withQuery(`/rooms/${roomId}/messages`, { threadRootId: root.id, limit: 100 }))
    .data?.items;
  const replies = new Map<number, MessageResponse>();
  for (const message of [...(earlier ?? []), ...messages]) {
    if (message.threadRootId === root.id) replies.set(message.seq, message);
  }
  return (
    <aside className="card thread" aria-label={t('thread')}>
      <div className="spread">
        <h2>{t('thread')}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
      <ul className="messages">
        <MessageItem message={root} presence={presence.get(root.authorId ?? '')} />
        {[...replies.values()]
          .sort((a, b) => a.seq - b.seq)
          .map((message) => (
            <MessageItem key={message.id} message={message} presence={presence.get(message.authorId ?? '')} />
          ))}
      </ul>
      <Composer roomId={roomId} members={members} label={t('replyPlaceholder')} onSend={onSend} />
    </aside>
  );
}

export function RoomView({ room }: { room: RoomResponse }) {
  const { t } = useTranslation('discussions');
  const me = useMember();
  const { socket } = useRealtime();
  const timeline = useRoomTimeline(room.id);
  const members = useRoomMembers(room.id);
  const typing = useTyping(room.id, me.id);
  const [thread, setThread] = useState<MessageResponse | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const heightBefore = useRef<number | null>(null);
  // Where "new messages" begins: the room's unread count when it was opened, counted back over others' messages.
  const [unreadAtOpen] = useState(room.unreadCount);

  const presence = useMemo(() => new Map(members.map((member) => [member.memberId, member.presence])), [members]);
  const main = timeline.messages.filter((message) => !message.threadRootId);
  const firstUnreadSeq = useMemo(() => {
    if (unreadAtOpen === 0) return null;
    const others = timeline.messages.filter((message) => message.authorId !== me.id);
    return others.length >= unreadAtOpen ? others[others.length - unreadAtOpen].seq : null;
  }, [timeline.messages, unreadAtOpen, me.id]);

  // Keep the view at the bottom while the reader is there; keep the reader's place when older pages arrive above.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    if (heightBefore.current !== null) {
      element.scrollTop += element.scrollHeight - heightBefore.current;
      heightBefore.current = null;
    } else if (stick.current) element.scrollTop = element.scrollHeight;
  }, [timeline.messages.length, timeline.pending.length]);

  const loadOlder = useCallback(() => {
    heightBefore.current = list.current?.scrollHeight ?? null;
    void timeline.loadOlder();
  }, [timeline]);

  useEffect(() => {
    const sentinel = top.current;
    if (!sentinel || !timeline.hasOlder) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && loadOlder(), {
      root: list.current,
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [timeline.hasOlder, loadOlder]);

  // Mark read what the reader has seen: the newest seq, while the page is visible and scrolled to the bottom.
  const newestSeq = timeline.messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (!socket || newestSeq === 0 || document.hidden || !stick.current) return;
    const timer = setTimeout(() => void emitAck(socket, 'room.read', { roomId: room.id, seq: newestSeq }), 500);
    return () => clearTimeout(timer);
  }, [socket, room.id, newestSeq]);

  return (
    <div className="room-view">
      <section className="room-main" aria-label={roomTitle(room, me.id, t)}>
        <div className="spread">
          <h1>{roomTitle(room, me.id, t)}</h1>
          <span className="muted">{room.topic}</span>
        </div>
        {timeline.error && (
          <p className="error" role="alert">
            {t('cannotOpen')}
          </p>
        )}
        <div
          className="timeline"
          ref={list}
          tabIndex={0}
          aria-label={t('messages')}
          onScroll={(event) => {
            const element = event.currentTarget;
            stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
          }}
        >
          <div ref={top} />
          {timeline.hasOlder && (
            <button type="button" className="secondary" onClick={loadOlder}>
              {t('loadOlder')}
            </button>
          )}
          {timeline.ready && main.length === 0 && timeline.pending.length === 0 && (
            <p className="empty">{t('noMessages')}</p>
          )}
          <ol className="messages" aria-live="polite" aria-relevant="additions">
            {main.map((message) => (
              <MessageGroup key={message.id} unread={message.seq === firstUnreadSeq}>
                <MessageItem message={message} presence={presence.get(message.authorId ?? '')} onThread={setThread} />
              </MessageGroup>
            ))}
            {timeline.pending
              .filter((item) => !item.threadRootId)
              .map((item) => (
                <li key={item.clientId} className="message pending">
                  <p className="message-body">{item.body}</p>
                  {item.failed ? (
                    <span className="error">
                      {item.failed}{' '}
                      <button type="button" className="link" onClick={() => timeline.retry(item.clientId)}>
                        {t('retry')}
                      </button>
                    </span>
                  ) : (
                    <span className="muted">{t('sending')}</span>
                  )}
                </li>
              ))}
          </ol>
        </div>
        <p className="typing muted" aria-live="polite">
          {typing.length > 0 ? t('typing', { names: typing.join(', '), count: typing.length }) : ' '}
        </p>
        <Composer
          roomId={room.id}
          members={members.filter((member) => member.memberId !== me.id)}
          label={t('messagePlaceholder', { room: roomTitle(room, me.id, t) })}
          disabled={room.archived}
          onSend={(body, attachmentIds) => timeline.send(body, { attachmentIds })}
        />
      </section>
      {thread ? (
        <Thread
          root={main.find((message) => message.id === thread.id) ?? thread}
          roomId={room.id}
          messages={timeline.messages}
          members={members}
          presence={presence}
          onSend={(body, attachmentIds) => timeline.send(body, { threadRootId: thread.id, attachmentIds })}
          onClose={() => setThread(null)}
        />
      ) : (
        <aside className="card room-members" aria-label={t('members')}>
          <h2>{t('members')}</h2>
          <ul className="list">
            {members.map((member) => (
              <li key={member.memberId}>
                <span className={`presence ${member.presence}`} aria-hidden="true" /> {member.displayName}{' '}
                <span className="visually-hidden">({t(`presence.${member.presence}`)})</span>
              </li>
            ))}
          </ul>
          <RoomSettings room={room} members={members} />
        </aside>
      )}
    </div>
  );
}

function MessageGroup({ unread, children }: { unread: boolean; children: React.ReactNode }) {
  const { t } = useTranslation('discussions');
  return (
    <>
      {unread && (
        <li className="unread-marker" role="separator">
          {t('newMessages')}
        </li>
      )}
      {children}
    </>
  );
}

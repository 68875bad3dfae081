import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { MessagePage, MessageResponse, PresenceStatus, RoomMemberResponse, RoomResponse } from '@lcc/contracts';
import { withQuery } from '../../api/client';
import { emitAck, useRealtime, useSocketEvent } from '../../api/realtime';
import { useMember } from '../../api/session';
import { useApi } from '../../ui/use-api';
import { Composer, filesOf, type ComposerHandle } from './Composer';
import { MessageBody } from './markdown';
import { MessageItem } from './MessageItem';
import { PinnedMessages, usePins } from './PinnedMessages';
import { roomTitle } from './room-title';
import { RoomSettings } from './RoomSettings';
import { messageLink } from './message-link';
import { useReadMarker } from './use-read-marker';
import { roomUploadFields } from './use-composer-uploads';
import { useRoomTimeline } from './use-room-timeline';

const TYPING_SHOWN_MS = 4000;
/** Older pages (50 messages each) loaded at most to reach the first unread message when a room opens. */
const OPENING_PAGES_MAX = 8;
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

/** Drag-and-drop props that hand files dropped on an element to a composer (text dragged is left alone). */
function dropFilesInto(composer: React.RefObject<ComposerHandle | null>, disabled = false) {
  return {
    onDragOver: (event: React.DragEvent) => {
      if (!disabled && event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    onDrop: (event: React.DragEvent) => {
      const files = filesOf(event.dataTransfer);
      if (files.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      if (!disabled) composer.current?.addFiles(files);
    },
  };
}

/** A thread beside the room: earlier replies from REST, newer ones from the room's own timeline. */
function Thread({
  root,
  roomId,
  messages,
  members,
  presence,
  uploadFields,
  onSend,
  onClose,
}: {
  root: MessageResponse;
  roomId: string;
  uploadFields: Record<string, string>;
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
  // The open thread shows every reply: it is read up to the newest, while the page is visible.
  const { socket } = useRealtime();
  const newestReply = Math.max(0, ...replies.keys());
  useEffect(() => {
    if (!socket || newestReply === 0) return;
    const mark = () => {
      if (document.visibilityState === 'visible') {
        void emitAck(socket, 'room.read', { roomId, seq: newestReply, threadRootId: root.id });
      }
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [socket, roomId, root.id, newestReply]);
  const composer = useRef<ComposerHandle>(null);
  return (
    <aside className="card thread" aria-label={t('thread')} {...dropFilesInto(composer)}>
      <div className="spread">
        <h2>{t('thread')}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
      <ul className="messages">
        <MessageItem message={root} presence={presence.get(root.authorId ?? '')} link={messageLink(roomId, root.seq)} />
        {[...replies.values()]
          .sort((a, b) => a.seq - b.seq)
          .map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              presence={presence.get(message.authorId ?? '')}
              link={messageLink(roomId, message.seq)}
            />
          ))}
      </ul>
      <Composer
        ref={composer}
        roomId={roomId}
        members={members}
        label={t('replyPlaceholder')}
        uploadFields={uploadFields}
        onSend={onSend}
      />
    </aside>
  );
}

/** The seq of a permalink (`/rooms/:id/messages/:seq`), or null. */
function anchorOf(seq: string | undefined): number | null {
  const value = Number(seq);
  return seq && Number.isSafeInteger(value) && value > 0 ? value : null;
}

export function RoomView({ room }: { room: RoomResponse }) {
  const { t } = useTranslation('discussions');
  const me = useMember();
  const navigate = useNavigate();
  const anchor = anchorOf(useParams().seq);
  const timeline = useRoomTimeline(room.id, anchor);
  const members = useRoomMembers(room.id);
  const pins = usePins(room.id);
  const typing = useTyping(room.id, me.id);
  // Opened from "my threads": the thread's root comes with the link.
  const location = useLocation();
  const [thread, setThread] = useState<MessageResponse | null>(() => {
    const root = (location.state as { threadRoot?: MessageResponse } | null)?.threadRoot;
    return root?.roomId === room.id ? root : null;
  });
  const list = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const stick = useRef(false);
  const heightBefore = useRef<number | null>(null);
  // The reader's place when the room was opened: "new messages" begins after it, and stays there while they read.
  const [readAtOpen] = useState(room.lastReadSeq);
  const [positioned, setPositioned] = useState(false);
  const [atBottom, setAtBottom] = useState(true);
  const [dividerInView, setDividerInView] = useState(true);
  // Where the view opens: a permalink's message, the first unread message, or (after "jump to latest" from a
  // permalink) the newest. A new anchor places the view again.
  const [openAtLatest, setOpenAtLatest] = useState(
    () => (location.state as { latest?: boolean } | null)?.latest === true,
  );
  const [placedFor, setPlacedFor] = useState(anchor);
  if (placedFor !== anchor) {
    setPlacedFor(anchor);
    setPositioned(false);
    if (anchor === null) setOpenAtLatest(true);
  }
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [anchorMissing, setAnchorMissing] = useState(false);
  const hasNewer = useRef(false);
  hasNewer.current = timeline.hasNewer;

  const presence = useMemo(() => new Map(members.map((member) => [member.memberId, member.presence])), [members]);
  const uploadFields = useMemo(() => roomUploadFields(room), [room]);
  // On a phone the people and settings beside the room open over it.
  const [infoOpen, setInfoOpen] = useState(false);
  const infoId = useId();
  const composer = useRef<ComposerHandle>(null);
  const main = timeline.messages.filter((message) => !message.threadRootId);
  // Frozen once the view is placed: messages arriving while the room is open get no divider of their own.
  const [openedAtSeq, setOpenedAtSeq] = useState<number | null>(null);
  const candidateSeq =
    main.find((message) => message.seq > readAtOpen && message.authorId !== me.id && !message.deletedAt)?.seq ?? null;
  const firstUnreadSeq = positioned ? openedAtSeq : candidateSeq;
  const oldestSeq = timeline.messages[0]?.seq ?? 0;
  const newestLoaded = timeline.messages.at(-1)?.seq ?? 0;
  // The first unread message is not loaded yet: the join brought the newest page only. A few pages back at most;
  // past them the room opens at the oldest message loaded, under the divider, with older pages a scroll away.
  const openingPages = useRef(0);
  const needOlder =
    anchor === null &&
    !openAtLatest &&
    timeline.hasOlder &&
    oldestSeq > readAtOpen + 1 &&
    openingPages.current < OPENING_PAGES_MAX;

  const loadOlderPage = timeline.loadOlder;
  const loadOlder = useCallback(() => {
    heightBefore.current = list.current?.scrollHeight ?? null;
    void timeline.loadOlder();
  }, [timeline]);

  useEffect(() => {
    if (!positioned && timeline.ready && needOlder) {
      openingPages.current += 1;
      void loadOlderPage();
    }
  }, [positioned, timeline.ready, loadOlderPage, needOlder]);

  const follow = useCallback(() => {
    const element = list.current;
    if (!element) return;
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    // Below a permalink's window more is still to load: the view does not follow its bottom then.
    stick.current = bottom && !hasNewer.current;
    setAtBottom(bottom);
    const divider = element.querySelector('.unread-marker');
    if (divider) {
      const box = divider.getBoundingClientRect();
      const view = element.getBoundingClientRect();
      setDividerInView(box.bottom > view.top && box.top < view.bottom);
    }
  }, []);

  const jumpToFirstUnread = useCallback(() => {
    const element = list.current;
    const divider = element?.querySelector('.unread-marker');
    if (!element || !divider) return;
    element.scrollTop += divider.getBoundingClientRect().top - element.getBoundingClientRect().top - 8;
    follow();
  }, [follow]);

  const jumpToLatest = useCallback(() => {
    const element = list.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    follow();
  }, [follow]);

  /** A permalink's message (a thread reply: its root, with the thread open) in view and highlighted. */
  const showAnchor = useCallback(
    (seq: number) => {
      const element = list.current;
      const target = timeline.messages.find((message) => message.seq === seq);
      const root = target?.threadRootId ? timeline.messages.find((m) => m.id === target.threadRootId) : target;
      setAnchorMissing(!target || Boolean(target.deletedAt));
      if (target?.threadRootId && root) setThread(root);
      // A message no longer there: the view opens where it stood.
      const shown = timeline.messages.filter((message) => !message.threadRootId);
      const near = root ?? shown.find((message) => message.seq >= seq) ?? shown.at(-1);
      const item = near ? element?.querySelector<HTMLElement>(`[data-seq="${near.seq}"]`) : null;
      setHighlighted(root?.id ?? null);
      if (!element || !item) return;
      element.scrollTop +=
        item.getBoundingClientRect().top - element.getBoundingClientRect().top - element.clientHeight / 3;
      follow();
    },
    [timeline.messages, follow],
  );

  // Open at a permalink's message, at the first unread message, or at the newest when all is read; afterwards
  // keep the view at the bottom while the reader is there, and keep the reader's place when older pages arrive above.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    if (!positioned) {
      if (!timeline.ready || needOlder) return;
      heightBefore.current = null;
      if (anchor !== null) showAnchor(anchor);
      else if (firstUnreadSeq !== null && !openAtLatest) jumpToFirstUnread();
      else jumpToLatest();
      setOpenedAtSeq(firstUnreadSeq);
      setPositioned(true);
      return;
    }
    if (heightBefore.current !== null) {
      element.scrollTop += element.scrollHeight - heightBefore.current;
      heightBefore.current = null;
    } else if (stick.current) element.scrollTop = element.scrollHeight;
    follow();
  }, [
    timeline.messages.length,
    timeline.pending.length,
    timeline.ready,
    needOlder,
    positioned,
    firstUnreadSeq,
    jumpToFirstUnread,
    jumpToLatest,
    follow,
    anchor,
    openAtLatest,
    showAnchor,
  ]);

  // Below a permalink's window: newer pages load as the reader reaches the end (the observer is made again after
  // each page, so a sentinel still in view asks for the next one).
  const bottom = useRef<HTMLDivElement>(null);
  const loadNewer = timeline.loadNewer;
  useEffect(() => {
    const sentinel = bottom.current;
    if (!sentinel || !timeline.hasNewer || !positioned) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && void loadNewer(), {
      root: list.current,
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [timeline.hasNewer, loadNewer, positioned, timeline.messages.length]);

  /** "Jump to latest": a scroll, or, while newer messages are unloaded, the room opened anew at its newest. */
  const toLatest = useCallback(() => {
    if (hasNewer.current) navigate(`/rooms/${room.id}`, { state: { latest: true } });
    else jumpToLatest();
  }, [navigate, room.id, jumpToLatest]);

  useEffect(() => {
    const sentinel = top.current;
    if (!sentinel || !timeline.hasOlder || !positioned) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && loadOlder(), {
      root: list.current,
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [timeline.hasOlder, loadOlder, positioned]);

  // A message to bring into view (from the pinned panel): older pages load until it is on the list.
  const [target, setTarget] = useState<{ id: string; seq: number } | null>(null);
  const show = useCallback(
    (message: MessageResponse) =>
      setTarget(
        message.threadRootId
          ? { id: message.threadRootId, seq: timeline.messages.find((m) => m.id === message.threadRootId)?.seq ?? 0 }
          : { id: message.id, seq: message.seq },
      ),
    [timeline.messages],
  );
  useEffect(() => {
    const element = list.current;
    if (!target || !element) return;
    const item = element.querySelector<HTMLElement>(`[data-id="${target.id}"]`);
    if (item) {
      element.scrollTop += item.getBoundingClientRect().top - element.getBoundingClientRect().top - 8;
      item.classList.add('flash');
      setTimeout(() => item.classList.remove('flash'), 2000);
      setTarget(null);
      follow();
    } else if (timeline.hasOlder && (target.seq === 0 || oldestSeq > target.seq)) loadOlder();
    else if (timeline.hasNewer && target.seq > newestLoaded) {
      // Below a permalink's window: the pinned message's own link opens the room at it.
      setTarget(null);
      navigate(messageLink(room.id, target.seq));
    } else setTarget(null);
  }, [target, timeline.hasOlder, timeline.hasNewer, oldestSeq, newestLoaded, loadOlder, follow, navigate, room.id]);

  const newest = { main: main.at(-1)?.seq ?? 0, any: timeline.messages.at(-1)?.seq ?? 0 };
  useReadMarker(room.id, list, newest, positioned, readAtOpen, {
    strict: anchor !== null,
    oldest: oldestSeq,
    hasNewer: timeline.hasNewer,
  });

  return (
    // A file dropped anywhere on the room (beside an open thread, on the thread) goes to that composer.
    <div className="room-view" {...dropFilesInto(composer, room.archived)}>
      <section className="room-main" aria-label={roomTitle(room, me.id, t)}>
        <div className="room-phone-bar">
          <Link to="/rooms" className="back-to-rooms">
            {t('backToRooms')}
          </Link>
          <button
            type="button"
            className="secondary"
            aria-expanded={infoOpen}
            aria-controls={infoId}
            onClick={() => setInfoOpen((open) => !open)}
          >
            {t('roomInfo')}
          </button>
        </div>
        <div className="spread room-head">
          <h1>{roomTitle(room, me.id, t)}</h1>
          <span className="muted room-topic">{room.topic}</span>
        </div>
        <PinnedMessages pins={pins} moderator={room.moderator} onShow={show} />
        {timeline.error && (
          <p className="error" role="alert">
            {t('cannotOpen')}
          </p>
        )}
        {anchor !== null && positioned && anchorMissing && (
          <p className="notice" role="status">
            {t('linkedMessageGone')}
          </p>
        )}
        <div
          className="timeline"
          ref={list}
          tabIndex={0}
          aria-label={t('messages')}
          aria-busy={!positioned}
          onScroll={follow}
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
                <MessageItem
                  message={message}
                  presence={presence.get(message.authorId ?? '')}
                  onThread={setThread}
                  moderator={room.moderator}
                  highlighted={message.id === highlighted}
                  link={messageLink(room.id, message.seq)}
                />
              </MessageGroup>
            ))}
            {timeline.pending
              .filter((item) => !item.threadRootId)
              .map((item) => (
                <li key={item.clientId} className="message pending">
                  <MessageBody body={item.body} />
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
          {timeline.hasNewer && (
            <button type="button" className="secondary" onClick={() => void loadNewer()}>
              {t('loadNewer')}
            </button>
          )}
          <div ref={bottom} />
        </div>
        {
          <div className="row jump-bar">
            {firstUnreadSeq !== null && !dividerInView && (
              <button type="button" className="secondary" onClick={jumpToFirstUnread}>
                {t('jumpToFirstUnread')}
              </button>
            )}
            {(!atBottom || timeline.hasNewer) && (
              <button type="button" className="secondary" onClick={toLatest}>
                {t('jumpToLatest')}
              </button>
            )}
          </div>
        }
        <p className="typing muted" aria-live="polite">
          {typing.length > 0 ? t('typing', { names: typing.join(', '), count: typing.length }) : ' '}
        </p>
        <Composer
          ref={composer}
          roomId={room.id}
          uploadFields={uploadFields}
          members={members.filter((member) => member.memberId !== me.id)}
          label={t('messagePlaceholder', { room: roomTitle(room, me.id, t) })}
          disabled={room.archived}
          onSend={(body, attachmentIds) => {
            // What the reader writes goes below everything: the view follows it there (from a permalink's window,
            // the room opens anew at its newest first).
            if (hasNewer.current) toLatest();
            stick.current = true;
            timeline.send(body, { attachmentIds });
          }}
        />
      </section>
      {thread ? (
        <Thread
          root={main.find((message) => message.id === thread.id) ?? thread}
          roomId={room.id}
          messages={timeline.messages}
          members={members}
          presence={presence}
          uploadFields={uploadFields}
          onSend={(body, attachmentIds) => timeline.send(body, { threadRootId: thread.id, attachmentIds })}
          onClose={() => setThread(null)}
        />
      ) : (
        <aside
          id={infoId}
          className={infoOpen ? 'card room-members open' : 'card room-members'}
          aria-label={t('members')}
        >
          <div className="spread">
            <h2>{t('members')}</h2>
            <button type="button" className="secondary room-info-close" onClick={() => setInfoOpen(false)}>
              {t('common:close')}
            </button>
          </div>
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
      {unread && <li className="unread-marker">{t('newMessages')}</li>}
      {children}
    </>
  );
}

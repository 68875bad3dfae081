import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessagePage, MessageResponse, ReactionSummary, ThreadUpdate } from '@lcc/contracts';
import { api } from '../../api/client';
import { emitAck, useRealtime, useSocketEvent } from '../../api/realtime';

const PAGE = 100;
/** A permalink's window: the message with the messages around it (the join then brings the next page after it). */
const WINDOW = 50;

export interface PendingMessage {
  clientId: string;
  body: string;
  threadRootId?: string;
  attachmentIds?: string[];
  failed?: string;
}

/**
 * One room's messages, kept by seq so nothing shows twice: the socket's catch-up on every (re)connect (`sinceSeq`,
 * then REST pages while more are missing), live events, and older pages on demand. Sends carry a clientId and are
 * resent with the same id after a reconnect, so a message is never lost nor stored twice.
 *
 * With an `anchor` (a permalink's seq) the timeline opens on a window of history around that message instead of
 * the newest page, and pages both ways. While newer messages are still unloaded (`hasNewer`) live events are held
 * aside, so the list never shows a gap; once the window reaches the newest message they join it, as they would
 * have had the room been opened at its newest.
 */
export function useRoomTimeline(roomId: string, anchor: number | null = null) {
  const { socket, connection } = useRealtime();
  const [bySeq, setBySeq] = useState<Map<number, MessageResponse>>(new Map());
  const [hasOlder, setHasOlder] = useState(false);
  const [hasNewer, setHasNewer] = useState(false);
  // Which window (room and anchor) has loaded: a new anchor is not ready until its own window is.
  const windowKey = `${roomId}:${anchor ?? ''}`;
  const [readyKey, setReadyKey] = useState<string | null>(null);
  const ready = readyKey === windowKey;
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const newest = useRef(0);
  const pendingRef = useRef<PendingMessage[]>([]);
  pendingRef.current = pending;
  // Newer messages are not all loaded: live ones wait in `held` until the window reaches them.
  const detached = useRef(false);
  const held = useRef(new Map<number, MessageResponse>());

  const merge = useCallback((messages: MessageResponse[]) => {
    if (messages.length === 0) return;
    // Kept outside the state update, which React may run later: the next request reads it at once.
    for (const message of messages) newest.current = Math.max(newest.current, message.seq);
    setBySeq((current) => {
      const next = new Map(current);
      for (const message of messages) next.set(message.seq, message);
      return next;
    });
    const ids = new Set(messages.map((message) => message.clientId));
    setPending((current) => current.filter((item) => !ids.has(item.clientId)));
  }, []);

  useEffect(() => {
    setPending([]);
  }, [roomId]);

  // A new room or a new anchor starts a new window (messages being sent stay pending).
  useEffect(() => {
    setBySeq(new Map());
    setError(undefined);
    setHasOlder(false);
    setHasNewer(false);
    newest.current = 0;
    detached.current = false;
    held.current = new Map();
  }, [roomId, anchor]);

  /** The window reached the newest message: what arrived meanwhile joins it. */
  const attach = useCallback(() => {
    detached.current = false;
    setHasNewer(false);
    const waiting = [...held.current.values()];
    held.current = new Map();
    merge(waiting);
  }, [merge]);

  /** A live message: into the list, or held while newer messages are missing between the window and it. */
  const receive = useCallback(
    (messages: MessageResponse[]) => {
      if (!detached.current) return merge(messages);
      for (const message of messages) {
        if (message.seq <= newest.current) merge([message]);
        else held.current.set(message.seq, message);
      }
    },
    [merge],
  );

  const deliver = useCallback(
    async (item: PendingMessage) => {
      if (!socket?.connected) return;
      const ack = await emitAck(socket, 'message.send', { roomId, ...item });
      if (ack.ok) receive([ack.message]);
      else
        setPending((current) =>
          current.map((entry) => (entry.clientId === item.clientId ? { ...entry, failed: ack.error.message } : entry)),
        );
    },
    [socket, roomId, receive],
  );

  // Join (or rejoin after a reconnect) and catch up on exactly what was missed.
  useEffect(() => {
    if (!socket || connection !== 'connected') return;
    let cancelled = false;
    const key = `${roomId}:${anchor ?? ''}`;
    void (async () => {
      if (anchor !== null && newest.current === 0) {
        // A permalink: the window around its message first; the join below then hears what follows it.
        try {
          const page = await api<MessagePage>(`/rooms/${roomId}/messages`, {
            query: { around: anchor, limit: WINDOW },
          });
          if (cancelled) return;
          merge(page.items);
          setHasOlder(page.hasOlder ?? false);
          detached.current = page.hasNewer ?? false;
          setHasNewer(detached.current);
        } catch (failure) {
          if (!cancelled) setError((failure as { code?: string }).code ?? 'REQUEST_FAILED');
          return;
        }
      }
      const since = newest.current;
      const ack = await emitAck(socket, 'room.join', since > 0 ? { roomId, sinceSeq: since } : { roomId });
      if (cancelled) return;
      if (!ack.ok) {
        setError(ack.error.code);
        return;
      }
      merge(ack.messages);
      if (since === 0) setHasOlder(ack.hasMore);
      if (detached.current) {
        // Away from the newest: the join brought the next page at most; the reader pages on by scrolling.
        if (!ack.hasMore) attach();
        setReadyKey(key);
        for (const item of pendingRef.current) void deliver(item);
        return;
      }
      let more = since > 0 && ack.hasMore;
      while (more && !cancelled) {
        const page = await api<MessagePage>(`/rooms/${roomId}/messages`, {
          query: { after: newest.current, limit: PAGE },
        });
        merge(page.items);
        more = page.hasMore;
      }
      setReadyKey(key);
      for (const item of pendingRef.current) void deliver(item);
    })();
    return () => {
      cancelled = true;
    };
  }, [socket, connection, roomId, anchor, merge, deliver, attach]);

  const onMessage = useCallback(
    (message: MessageResponse) => {
      if (message.roomId === roomId) receive([message]);
    },
    [roomId, receive],
  );
  useSocketEvent('message.created', onMessage);
  useSocketEvent('message.updated', onMessage);
  useSocketEvent('message.deleted', onMessage);
  useSocketEvent(
    'reaction.updated',
    useCallback(
      (payload: { roomId: string; messageId: string; reactions: ReactionSummary[] }) => {
        if (payload.roomId !== roomId) return;
        setBySeq((current) => {
          const next = new Map(current);
          for (const [seq, message] of next) {
            if (message.id === payload.messageId) next.set(seq, { ...message, reactions: payload.reactions });
          }
          return next;
        });
        for (const [seq, message] of held.current) {
          if (message.id === payload.messageId) held.current.set(seq, { ...message, reactions: payload.reactions });
        }
      },
      [roomId],
    ),
  );

  // A reply elsewhere in the room (or in a thread whose replies are not loaded): the root's count and time.
  useSocketEvent(
    'thread.updated',
    useCallback(
      (payload: ThreadUpdate) => {
        if (payload.roomId !== roomId) return;
        setBySeq((current) => {
          const next = new Map(current);
          for (const [seq, message] of next) {
            if (message.id === payload.threadRootId && message.replyCount <= payload.replyCount) {
              next.set(seq, { ...message, replyCount: payload.replyCount, lastReplyAt: payload.lastReplyAt });
            }
          }
          return next;
        });
        for (const [seq, message] of held.current) {
          if (message.id === payload.threadRootId && message.replyCount <= payload.replyCount) {
            held.current.set(seq, { ...message, replyCount: payload.replyCount, lastReplyAt: payload.lastReplyAt });
          }
        }
      },
      [roomId],
    ),
  );

  const loadOlder = useCallback(async () => {
    const oldest = Math.min(...bySeq.keys());
    if (!Number.isFinite(oldest)) return;
    const page = await api<MessagePage>(`/rooms/${roomId}/messages`, { query: { before: oldest, limit: 50 } });
    merge(page.items);
    setHasOlder(page.hasMore);
  }, [bySeq, roomId, merge]);

  /** The next page below a permalink's window; the last one attaches the window to the live room. */
  const newerLoading = useRef(false);
  const loadNewer = useCallback(async () => {
    if (!detached.current || newerLoading.current || newest.current === 0) return;
    newerLoading.current = true;
    try {
      const page = await api<MessagePage>(`/rooms/${roomId}/messages`, {
        query: { after: newest.current, limit: 50 },
      });
      merge(page.items);
      if (!page.hasMore) attach();
    } finally {
      newerLoading.current = false;
    }
  }, [roomId, merge, attach]);

  const send = useCallback(
    (body: string, extra: { threadRootId?: string; attachmentIds?: string[] } = {}) => {
      const item: PendingMessage = { clientId: crypto.randomUUID(), body, ...extra };
      setPending((current) => [...current, item]);
      void deliver(item);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const item = pendingRef.current.find((entry) => entry.clientId === clientId);
      if (!item) return;
      const fresh = { ...item, failed: undefined };
      setPending((current) => current.map((entry) => (entry.clientId === clientId ? fresh : entry)));
      void deliver(fresh);
    },
    [deliver],
  );

  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return { messages, pending, hasOlder, hasNewer, ready, error, loadOlder, loadNewer, send, retry, merge };
}

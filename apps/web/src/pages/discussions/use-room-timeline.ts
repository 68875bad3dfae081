import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessagePage, MessageResponse, ReactionSummary, ThreadUpdate } from '@lcc/contracts';
import { api } from '../../api/client';
import { emitAck, useRealtime, useSocketEvent } from '../../api/realtime';

const PAGE = 100;

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
 */
export function useRoomTimeline(roomId: string) {
  const { socket, connection } = useRealtime();
  const [bySeq, setBySeq] = useState<Map<number, MessageResponse>>(new Map());
  const [hasOlder, setHasOlder] = useState(false);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const newest = useRef(0);
  const pendingRef = useRef<PendingMessage[]>([]);
  pendingRef.current = pending;

  const merge = useCallback((messages: MessageResponse[]) => {
    if (messages.length === 0) return;
    setBySeq((current) => {
      const next = new Map(current);
      for (const message of messages) {
        next.set(message.seq, message);
        newest.current = Math.max(newest.current, message.seq);
      }
      return next;
    });
    const ids = new Set(messages.map((message) => message.clientId));
    setPending((current) => current.filter((item) => !ids.has(item.clientId)));
  }, []);

  useEffect(() => {
    setBySeq(new Map());
    setPending([]);
    setReady(false);
    setError(undefined);
    newest.current = 0;
  }, [roomId]);

  const deliver = useCallback(
    async (item: PendingMessage) => {
      if (!socket?.connected) return;
      const ack = await emitAck(socket, 'message.send', { roomId, ...item });
      if (ack.ok) merge([ack.message]);
      else
        setPending((current) =>
          current.map((entry) => (entry.clientId === item.clientId ? { ...entry, failed: ack.error.message } : entry)),
        );
    },
    [socket, roomId, merge],
  );

  // Join (or rejoin after a reconnect) and catch up on exactly what was missed.
  useEffect(() => {
    if (!socket || connection !== 'connected') return;
    let cancelled = false;
    const since = newest.current;
    void (async () => {
      const ack = await emitAck(socket, 'room.join', since > 0 ? { roomId, sinceSeq: since } : { roomId });
      if (cancelled) return;
      if (!ack.ok) {
        setError(ack.error.code);
        return;
      }
      merge(ack.messages);
      if (since === 0) setHasOlder(ack.hasMore);
      let more = since > 0 && ack.hasMore;
      while (more && !cancelled) {
        const page = await api<MessagePage>(`/rooms/${roomId}/messages`, {
          query: { after: newest.current, limit: PAGE },
        });
        merge(page.items);
        more = page.hasMore;
      }
      setReady(true);
      for (const item of pendingRef.current) void deliver(item);
    })();
    return () => {
      cancelled = true;
    };
  }, [socket, connection, roomId, merge, deliver]);

  const onMessage = useCallback(
    (message: MessageResponse) => {
      if (message.roomId === roomId) merge([message]);
    },
    [roomId, merge],
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
  return { messages, pending, hasOlder, ready, error, loadOlder, send, retry, merge };
}

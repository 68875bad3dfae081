import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageResponse, Page, RoomNotifyLevel, RoomResponse } from '@lcc/contracts';
import { api } from '../../api/client';
import { emitAck, useRealtime, useSocketEvent } from '../../api/realtime';
import { useMember } from '../../api/session';

/**
 * My rooms with live unread and mention counts. Room events reach only sockets that joined the room, so the list
 * joins each room from its last seq (nothing is re-sent) and counts what arrives for rooms other than the open one.
 */
export function useRoomList(openRoomId: string | undefined) {
  const me = useMember();
  const { socket, connection } = useRealtime();
  const [rooms, setRooms] = useState<RoomResponse[]>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    api<Page<RoomResponse>>('/rooms', { query: { limit: 100 } }).then(
      (page) => setRooms(page.items),
      () => setRooms([]),
    );
  }, [version]);

  // Join once per connection (and once the list has loaded); later list changes come through the events below.
  const roomsRef = useRef(rooms);
  roomsRef.current = rooms;
  const loaded = rooms !== undefined;
  useEffect(() => {
    if (!socket || connection !== 'connected' || !loaded) return;
    for (const room of roomsRef.current ?? []) {
      void emitAck(socket, 'room.join', { roomId: room.id, sinceSeq: room.lastSeq });
    }
  }, [socket, connection, loaded]);

  useSocketEvent(
    'message.created',
    useCallback(
      (message: MessageResponse) => {
        setRooms((current) =>
          current?.map((room) => {
            if (room.id !== message.roomId || message.seq <= room.lastSeq) return room;
            const counts = room.id !== openRoomId && message.authorId !== me.id;
            return {
              ...room,
              lastSeq: message.seq,
              lastMessage: message,
              lastMessageAt: message.createdAt,
              unreadCount: room.unreadCount + (counts ? 1 : 0),
              mentionCount: room.mentionCount + (counts && message.mentionIds.includes(me.id) ? 1 : 0),
            };
          }),
        );
      },
      [openRoomId, me.id],
    ),
  );

  useSocketEvent(
    'unread.updated',
    useCallback((payload: { roomId: string; unreadCount: number; threadRootId?: string }) => {
      if (payload.threadRootId) return;
      setRooms((current) =>
        current?.map((room) =>
          room.id === payload.roomId
            ? { ...room, unreadCount: payload.unreadCount, mentionCount: payload.unreadCount ? room.mentionCount : 0 }
            : room,
        ),
      );
    }, []),
  );

  // A new direct message, a room joined or someone adding the member: it enters the list at once, and its channel
  // is joined from the seq it was announced with; what the catch-up brings counts as unread.
  useSocketEvent(
    'room.added',
    useCallback(
      (added: RoomResponse) => {
        setRooms((current) => (current?.some((room) => room.id === added.id) ? current : [added, ...(current ?? [])]));
        if (!socket) return;
        void emitAck(socket, 'room.join', { roomId: added.id, sinceSeq: added.lastSeq }).then((ack) => {
          if (!ack.ok || ack.messages.length === 0) return;
          const newest = ack.messages.at(-1)!;
          const fromOthers = ack.messages.filter((message) => message.authorId !== me.id);
          setRooms((current) =>
            current?.map((room) =>
              room.id !== added.id || newest.seq <= room.lastSeq
                ? room
                : {
                    ...room,
                    lastSeq: newest.seq,
                    lastMessage: newest,
                    lastMessageAt: newest.createdAt,
                    unreadCount: room.unreadCount + (room.id === openRoomId ? 0 : fromOthers.length),
                  },
            ),
          );
        });
      },
      [socket, me.id, openRoomId],
    ),
  );

  useSocketEvent(
    'room.removed',
    useCallback((payload: { roomId: string }) => {
      setRooms((current) => current?.filter((room) => room.id !== payload.roomId));
    }, []),
  );

  useSocketEvent(
    'room.notify-level',
    useCallback((payload: { roomId: string; notifyLevel: RoomNotifyLevel }) => {
      setRooms((current) =>
        current?.map((room) => (room.id === payload.roomId ? { ...room, notifyLevel: payload.notifyLevel } : room)),
      );
    }, []),
  );

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { rooms, reload };
}

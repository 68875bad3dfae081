import { Injectable } from '@nestjs/common';
import type {
  MessageResponse,
  NotificationResponse,
  PresenceStatus,
  RoomNotifyLevel,
  RoomResponse,
  ServerToClientEvents,
  ThreadUpdate,
} from '@lcc/contracts';
import { channel, type PortalServer, type SocketData } from './portal-socket.js';

/**
 * Emits to socket channels through the socket.io server (and so through its adapter, to every instance). The
 * gateway hands it the server once it exists; only `RealtimeListener` sends through it, and `ChannelGuard` and
 * `PresenceService` read the cluster's sockets through `io`.
 */
@Injectable()
export class RoomBroadcaster {
  private server?: PortalServer;

  attach(server: PortalServer): void {
    this.server = server;
  }

  get io(): PortalServer | undefined {
    return this.server;
  }

  messageCreated(message: MessageResponse): void {
    this.server?.to(channel.room(message.roomId)).emit('message.created', forEveryone(message));
  }

  messageUpdated(message: MessageResponse): void {
    this.server?.to(channel.room(message.roomId)).emit('message.updated', forEveryone(message));
  }

  messageDeleted(message: MessageResponse): void {
    this.server?.to(channel.room(message.roomId)).emit('message.deleted', forEveryone(message));
  }

  reactionsUpdated(message: MessageResponse): void {
    this.server
      ?.to(channel.room(message.roomId))
      .emit('reaction.updated', { roomId: message.roomId, messageId: message.id, reactions: message.reactions });
  }

  threadUpdated(update: ThreadUpdate): void {
    this.server?.to(channel.room(update.roomId)).emit('thread.updated', update);
  }

  unreadUpdated(memberId: string, payload: Parameters<ServerToClientEvents['unread.updated']>[0]): void {
    this.server?.to(channel.member(memberId)).emit('unread.updated', payload);
  }

  presence(roomIds: string[], memberId: string, status: PresenceStatus): void {
    // `to([])` would reach every socket: an empty list means no one.
    if (roomIds.length === 0) return;
    this.server?.to(roomIds.map(channel.room)).emit('presence', { memberId, status });
  }

  /** Volatile (a lost typing hint is not worth a retry), and not back to the socket that typed. */
  typing(roomId: string, exceptSocketId: string, memberId: string, displayName: string): void {
    this.server
      ?.to(channel.room(roomId))
      .except(exceptSocketId)
      .volatile.emit('typing', { roomId, memberId, displayName });
  }

  notificationCreated(memberId: string, notification: NotificationResponse): void {
    this.server?.to(channel.member(memberId)).emit('notification.created', notification);
  }

  meetingUpdated(memberIds: string[], payload: Parameters<ServerToClientEvents['meeting.updated']>[0]): void {
    if (memberIds.length === 0) return;
    this.server?.to(memberIds.map(channel.member)).emit('meeting.updated', payload);
  }

  pollUpdated(memberIds: string[], payload: Parameters<ServerToClientEvents['poll.updated']>[0]): void {
    if (memberIds.length === 0) return;
    this.server?.to(memberIds.map(channel.member)).emit('poll.updated', payload);
  }

  groupRequestsUpdated(
    memberIds: string[],
    payload: Parameters<ServerToClientEvents['group.requests.updated']>[0],
  ): void {
    if (memberIds.length === 0) return;
    this.server?.to(memberIds.map(channel.member)).emit('group.requests.updated', payload);
  }

  /** To every socket (`memberIds` absent) or to the sockets of those members: an account changed. */
  memberChanged(payload: Parameters<ServerToClientEvents['member.changed']>[0], memberIds?: string[]): void {
    if (!memberIds) {
      this.server?.emit('member.changed', payload);
      return;
    }
    if (memberIds.length === 0) return;
    this.server?.to(memberIds.map(channel.member)).emit('member.changed', payload);
  }

  documentUpdated(memberIds: string[], payload: Parameters<ServerToClientEvents['document.updated']>[0]): void {
    if (memberIds.length === 0) return;
    this.server?.to(memberIds.map(channel.member)).emit('document.updated', payload);
  }

  /** To the member's sockets: a room is now in their list, as they see it. */
  roomAdded(memberId: string, room: RoomResponse): void {
    this.server?.to(channel.member(memberId)).emit('room.added', room);
  }

  /** The member's sockets leave the room's channel (on every instance) and drop it from their list. */
  roomRemoved(memberId: string, roomId: string): void {
    this.leaveRoom(memberId, roomId);
    this.server?.to(channel.member(memberId)).emit('room.removed', { roomId });
  }

  notifyLevel(memberId: string, roomId: string, notifyLevel: RoomNotifyLevel): void {
    this.server?.to(channel.member(memberId)).emit('room.notify-level', { roomId, notifyLevel });
  }

  /** A member no longer in a room stops receiving it at once, on every instance. */
  leaveRoom(memberId: string, roomId: string): void {
    this.server?.in(channel.member(memberId)).socketsLeave(channel.room(roomId));
  }

  disconnectMember(memberId: string): void {
    this.server?.in(channel.member(memberId)).disconnectSockets(true);
  }

  /** The member's sockets opened with one of these sessions close, on every instance. */
  async disconnectSessions(memberId: string, sessionIds: string[]): Promise<void> {
    const ended = new Set(sessionIds);
    for (const socket of (await this.server?.in(channel.member(memberId)).fetchSockets()) ?? []) {
      if (ended.has((socket.data as Partial<SocketData>).actor?.sessionId ?? '')) socket.disconnect(true);
    }
  }
}

/** One payload reaches every reader of a room, so it names attachments without titles (readers differ in rights). */
function forEveryone(message: MessageResponse): MessageResponse {
  if (message.attachments.length === 0) return message;
  return { ...message, attachments: message.attachments.map((a) => ({ documentId: a.documentId, title: null })) };
}

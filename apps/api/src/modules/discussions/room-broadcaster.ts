import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { ClientToServerEvents, MessageResponse, PresenceStatus, ServerToClientEvents } from '@lcc/contracts';

export type PortalServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Socket channel names: a member's own channel, a session's, a room's. */
export const channel = {
  member: (id: string) => `member:${id}`,
  session: (id: string) => `session:${id}`,
  room: (id: string) => `room:${id}`,
};

/**
 * Emits to socket channels through the socket.io server (and so through its adapter, to every instance).
 * The gateway hands it the server once it exists; REST controllers and event listeners use it too.
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
    const event = message.deletedAt ? 'message.deleted' : 'message.updated';
    this.server?.to(channel.room(message.roomId)).emit(event, forEveryone(message));
  }

  reactionsUpdated(message: MessageResponse): void {
    this.server
      ?.to(channel.room(message.roomId))
      .emit('reaction.updated', { roomId: message.roomId, messageId: message.id, reactions: message.reactions });
  }

  unreadUpdated(
    memberId: string,
    roomId: string,
    unreadCount: number,
    lastReadSeq: number,
    threadRootId?: string,
  ): void {
    this.server
      ?.to(channel.member(memberId))
      .emit('unread.updated', { roomId, unreadCount, lastReadSeq, ...(threadRootId ? { threadRootId } : {}) });
  }

  /** A member no longer in a room stops receiving it at once, on every instance. */
  leaveRoom(memberId: string, roomId: string): void {
    this.server?.in(channel.member(memberId)).socketsLeave(channel.room(roomId));
  }

  /** Each member's presence across every instance, in one adapter round trip (offline when absent). */
  async presenceOf(memberIds: string[]): Promise<Map<string, PresenceStatus>> {
    const presence = new Map<string, PresenceStatus>();
    if (!this.server || memberIds.length === 0) return presence;
    const sockets = await this.server.in(memberIds.map(channel.member)).fetchSockets();
    for (const socket of sockets) {
      const data = socket.data as { actor?: { id: string }; status?: 'online' | 'away' };
      if (!data.actor || !data.status) continue;
      if (presence.get(data.actor.id) !== 'online') presence.set(data.actor.id, data.status);
    }
    return presence;
  }

  disconnectMember(memberId: string): void {
    this.server?.in(channel.member(memberId)).disconnectSockets(true);
  }

  disconnectSessions(sessionIds: string[]): void {
    for (const id of sessionIds) this.server?.in(channel.session(id)).disconnectSockets(true);
  }
}

/** One payload reaches every reader of a room, so it names attachments without titles (readers differ in rights). */
function forEveryone(message: MessageResponse): MessageResponse {
  if (message.attachments.length === 0) return message;
  return { ...message, attachments: message.attachments.map((a) => ({ documentId: a.documentId, title: null })) };
}

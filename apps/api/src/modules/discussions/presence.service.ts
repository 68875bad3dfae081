import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { PresenceStatus, RoomMemberResponse } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { PresenceChangedEvent } from './events/presence-changed.event.js';
import { TypingStartedEvent } from './events/typing-started.event.js';
import { channel, type PortalSocket, type SocketData, type SocketStatus } from './portal-socket.js';
import { RoomBroadcaster } from './room-broadcaster.js';
import { RoomsService } from './rooms.service.js';

const TYPING_INTERVAL_MS = 2000;

/**
 * Who is here and who is typing. A member is online while any of their sockets, on any instance, is online, away
 * while all of them are away, offline with none. Nothing is stored: every answer asks the cluster's sockets
 * (`fetchSockets()` through the adapter, which carries each socket's status).
 */
@Injectable()
export class PresenceService {
  private readonly logger = new Logger(PresenceService.name);

  constructor(
    private readonly broadcaster: RoomBroadcaster,
    private readonly rooms: RoomsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Each member's presence across every instance, in one adapter round trip. */
  async of(memberIds: string[]): Promise<Map<string, PresenceStatus>> {
    const sockets = await this.socketStatuses(memberIds);
    return new Map(memberIds.map((id) => [id, aggregate(sockets.get(id) ?? [])]));
  }

  /** The members of a room the actor may see, by name, with their presence (mention lists, presence dots). */
  async roomMembers(actor: Actor, roomId: string): Promise<RoomMemberResponse[]> {
    const members = await this.rooms.membersOf(actor, roomId);
    const presence = await this.of(members.map((member) => member.memberId));
    return members.map((member) => ({ ...member, presence: presence.get(member.memberId) ?? 'offline' }));
  }

  /** The client says whether it is in use (`presence.set`); a change of the member's presence is announced. */
  async set(socket: PortalSocket, status: SocketStatus): Promise<void> {
    const before = socket.data.status;
    socket.data.status = status;
    if (before !== status) await this.socketChanged(socket.data.actor.id, status, before);
  }

  /**
   * After one socket of the member changed (`added`: connected or switched to; `removed`: disconnected or switched
   * from), derives their presence before and after from all their sockets and publishes `presence.changed` to the
   * rooms they are in when it differs.
   */
  async socketChanged(memberId: string, added: SocketStatus | null, removed: SocketStatus | null): Promise<void> {
    try {
      const now = (await this.socketStatuses([memberId])).get(memberId) ?? [];
      const before = [...now];
      const index = added ? before.indexOf(added) : -1;
      if (index >= 0) before.splice(index, 1);
      if (removed) before.push(removed);
      const status = aggregate(now);
      if (status === aggregate(before)) return;
      const roomIds = await this.rooms.roomIdsOf(memberId);
      if (roomIds.length) {
        this.events.emit(PresenceChangedEvent.NAME, new PresenceChangedEvent(memberId, status, roomIds));
      }
    } catch (error) {
      // Presence is best effort: an instance that does not answer in time must not break connections.
      this.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'presence not announced',
      );
    }
  }

  /** Relays `typing` for a room the socket joined, at most every 2 s per socket and room. */
  typing(socket: PortalSocket, actor: Actor, roomId: string): void {
    const room = channel.room(roomId);
    const last = socket.data.typingAt?.get(room) ?? 0;
    if (!socket.rooms.has(room) || Date.now() - last < TYPING_INTERVAL_MS) return;
    (socket.data.typingAt ??= new Map()).set(room, Date.now());
    this.events.emit(TypingStartedEvent.NAME, new TypingStartedEvent(roomId, actor.id, actor.displayName, socket.id));
  }

  /** The status of every socket of these members, on every instance, by member. */
  private async socketStatuses(memberIds: string[]): Promise<Map<string, SocketStatus[]>> {
    const byMember = new Map<string, SocketStatus[]>();
    const io = this.broadcaster.io;
    if (!io || memberIds.length === 0) return byMember;
    for (const socket of await io.in(memberIds.map(channel.member)).fetchSockets()) {
      const { actor, status } = socket.data as Partial<SocketData>;
      if (!actor || !status) continue;
      byMember.set(actor.id, [...(byMember.get(actor.id) ?? []), status]);
    }
    return byMember;
  }
}

function aggregate(statuses: SocketStatus[]): PresenceStatus {
  return statuses.length === 0 ? 'offline' : statuses.includes('online') ? 'online' : 'away';
}

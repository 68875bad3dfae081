import { Injectable } from '@nestjs/common';
import { channel } from './portal-socket.js';
import { RoomBroadcaster } from './room-broadcaster.js';
import { RoomsService } from './rooms.service.js';

const ROOM_CHANNEL = channel.room('');

/**
 * Keeps the socket channels in step with the room rule (`roomAccessSql`): after a change of membership, role or a
 * group's visibility, every socket of the members concerned, on every instance (through the adapter), leaves the
 * room channels its member may no longer read, so broadcasts stop reaching it at once.
 */
@Injectable()
export class ChannelGuard {
  constructor(
    private readonly broadcaster: RoomBroadcaster,
    private readonly rooms: RoomsService,
  ) {}

  /** Re-checks every room channel that these members' sockets are in. */
  async recheckMembers(memberIds: string[]): Promise<void> {
    const io = this.broadcaster.io;
    if (!io || memberIds.length === 0) return;
    await this.recheck(await io.in(memberIds.map(channel.member)).fetchSockets());
  }

  /** Re-checks every socket in these rooms' channels. */
  async recheckRooms(roomIds: string[]): Promise<void> {
    const io = this.broadcaster.io;
    if (!io || roomIds.length === 0) return;
    await this.recheck(await io.in(roomIds.map(channel.room)).fetchSockets());
  }

  private async recheck(sockets: { rooms: Set<string>; data: unknown }[]): Promise<void> {
    const joined = new Map<string, Set<string>>();
    for (const socket of sockets) {
      const memberId = (socket.data as { actor?: { id: string } }).actor?.id;
      if (!memberId) continue;
      const rooms = joined.get(memberId) ?? new Set<string>();
      for (const name of socket.rooms) if (name.startsWith(ROOM_CHANNEL)) rooms.add(name.slice(ROOM_CHANNEL.length));
      joined.set(memberId, rooms);
    }
    const roomIds = [...new Set([...joined.values()].flatMap((rooms) => [...rooms]))];
    const allowed = await this.rooms.allowedPairs(roomIds, [...joined.keys()]);
    for (const [memberId, rooms] of joined) {
      for (const roomId of rooms) {
        if (!allowed.has(`${roomId} ${memberId}`)) this.broadcaster.leaveRoom(memberId, roomId);
      }
    }
  }
}

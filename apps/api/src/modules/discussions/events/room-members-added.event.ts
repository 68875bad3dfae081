import type { RoomResponse } from '@lcc/contracts';

/**
 * Published after members were put in a room (a new direct message or room, a moderator adding people, a member
 * joining): each hears `room.added` with the room as they see it, so it appears in their list without a reload.
 */
export class RoomMembersAddedEvent {
  static readonly NAME = 'room.members-added';
  constructor(readonly views: { memberId: string; room: RoomResponse }[]) {}
}

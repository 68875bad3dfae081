/**
 * Published after members left or were removed from a room: their sockets leave the room's channel on every
 * instance and hear `room.removed`.
 */
export class RoomMembersRemovedEvent {
  static readonly NAME = 'room.members-removed';
  constructor(
    readonly roomId: string,
    readonly memberIds: string[],
  ) {}
}

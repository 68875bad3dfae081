/** Published after a member's read marker (of a room, or of one thread) moved; their sockets hear `unread.updated`. */
export class RoomReadEvent {
  static readonly NAME = 'room.read';
  constructor(
    readonly memberId: string,
    readonly roomId: string,
    readonly unreadCount: number,
    readonly lastReadSeq: number,
    readonly threadRootId?: string,
  ) {}
}

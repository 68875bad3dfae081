/**
 * Published when a member starts typing in a room they joined (at most every 2 s per socket and room); the room's
 * other sockets hear `typing`, the one typing does not.
 */
export class TypingStartedEvent {
  static readonly NAME = 'typing.started';
  constructor(
    readonly roomId: string,
    readonly memberId: string,
    readonly displayName: string,
    readonly socketId: string,
  ) {}
}

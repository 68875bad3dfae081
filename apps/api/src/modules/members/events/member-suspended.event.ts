/** Emitted after a member is suspended: listeners cut their sessions and sockets. */
export class MemberSuspendedEvent {
  static readonly NAME = 'member.suspended';
  constructor(
    readonly memberId: string,
    readonly actorId: string,
  ) {}
}

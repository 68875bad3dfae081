/** Emitted after an admin changes a member's network role: what the old role granted ends on every channel. */
export class MemberRoleChangedEvent {
  static readonly NAME = 'member.role-changed';
  constructor(
    readonly memberId: string,
    readonly actorId: string,
  ) {}
}

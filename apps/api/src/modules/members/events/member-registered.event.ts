/** Emitted after a registration commits; `workingGroupId` comes from the invitation used, if any. */
export class MemberRegisteredEvent {
  static readonly NAME = 'member.registered';
  constructor(
    readonly memberId: string,
    readonly status: string,
    readonly workingGroupId: string | null,
  ) {}
}

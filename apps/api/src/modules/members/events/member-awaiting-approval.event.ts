/**
 * Emitted after a self-registered member confirmed their address while still pending: the people who approve
 * registrations (active coordinators and admins) are told.
 */
export class MemberAwaitingApprovalEvent {
  static readonly NAME = 'member.awaiting-approval';
  constructor(readonly memberId: string) {}
}

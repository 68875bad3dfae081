import type { MemberStatus, NetworkRole } from '@lcc/contracts';

/**
 * Emitted after a member's account changed (registered, approved, rejected, suspended, reinstated, role): screens
 * that list members refresh. `staffOnly` changes concern nobody but coordinators and admins (a registration
 * waiting for them, or one they turned down); the others change the directory every active member sees.
 */
export class MemberChangedEvent {
  static readonly NAME = 'member.changed';
  constructor(
    readonly memberId: string,
    readonly status: MemberStatus,
    readonly role: NetworkRole,
    readonly staffOnly: boolean,
  ) {}
}

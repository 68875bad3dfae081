/** Why sessions ended; listeners decide which reasons concern them (a credential reset, a plain sign-out...). */
export type SessionRevocationReason =
  | 'logout'
  | 'logout_everywhere'
  | 'password_changed'
  | 'password_reset'
  | 'suspended'
  | 'refresh_token_reuse'
  | 'revoked_by_member'
  | 'account_deleted';

/** Emitted when sessions end (sign-out, revocation, password change, suspension, token reuse). */
export class SessionsRevokedEvent {
  static readonly NAME = 'auth.sessions-revoked';
  constructor(
    readonly memberId: string,
    /** The sessions that ended; every session of the member when `all` is true. */
    readonly sessionIds: string[],
    readonly all: boolean,
    readonly reason: SessionRevocationReason,
  ) {}
}

/** Emitted when sessions end (sign-out, revocation, password change, suspension, token reuse). */
export class SessionsRevokedEvent {
  static readonly NAME = 'auth.sessions-revoked';
  constructor(
    readonly memberId: string,
    /** The sessions that ended; every session of the member when `all` is true. */
    readonly sessionIds: string[],
    readonly all: boolean,
    readonly reason: string,
  ) {}
}

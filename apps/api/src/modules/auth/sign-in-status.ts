import { MemberStatus } from '@lcc/contracts';
import { AuthErrorCode, AuthException } from './auth.exception.js';

/**
 * Whether an account whose identity was just proven (a password, a provider's ID token) may have a session: pending,
 * suspended and rejected members are told why; a deleted account, or any other state, is refused as unknown.
 */
export function assertMaySignIn(status: MemberStatus): void {
  if (status === MemberStatus.Active) return;
  if (status === MemberStatus.Pending) throw new AuthException(AuthErrorCode.ACCOUNT_PENDING);
  if (status === MemberStatus.Suspended) throw new AuthException(AuthErrorCode.ACCOUNT_SUSPENDED);
  if (status === MemberStatus.Rejected) throw new AuthException(AuthErrorCode.ACCOUNT_REJECTED);
  throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
}

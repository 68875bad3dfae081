import { AuthErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { AuthErrorCode };

export const AuthException = featureException<AuthErrorCode>('AuthException', {
  [AuthErrorCode.INVALID_CREDENTIALS]: [401, 'The e-mail or password is wrong'],
  [AuthErrorCode.ACCOUNT_PENDING]: [403, 'The account is waiting for approval by a coordinator'],
  [AuthErrorCode.ACCOUNT_SUSPENDED]: [403, 'The account is suspended'],
  [AuthErrorCode.ACCOUNT_REJECTED]: [403, 'The registration was not accepted'],
  [AuthErrorCode.INVALID_REFRESH_TOKEN]: [401, 'The refresh token is not valid'],
  [AuthErrorCode.REFRESH_TOKEN_REUSED]: [401, 'The refresh token was already used; the session has been signed out'],
  [AuthErrorCode.SESSION_REVOKED]: [401, 'The session has ended; sign in again'],
  [AuthErrorCode.WRONG_PASSWORD]: [403, 'The current password is wrong'],
  [AuthErrorCode.PASSWORD_UNCHANGED]: [400, 'The new password must differ from the current one'],
  [AuthErrorCode.PASSWORD_CHANGE_REQUIRED]: [403, 'Change your generated password first'],
  [AuthErrorCode.SESSION_NOT_FOUND]: [404, 'Session not found'],
  [AuthErrorCode.RESET_TOKEN_INVALID]: [400, 'The reset link is not valid, has expired or was already used'],
  [AuthErrorCode.CONFIRMATION_TOKEN_INVALID]: [
    400,
    'The confirmation link is not valid, has expired or was already used',
  ],
});

import { MemberErrorCode, TwoFactorErrorCode } from '@lcc/contracts';
import { featureException } from '../../../common/errors/app.exception.js';

export { TwoFactorErrorCode };

type Code = TwoFactorErrorCode | MemberErrorCode.MEMBER_NOT_FOUND | MemberErrorCode.CANNOT_ACT_ON_SELF;

export const TwoFactorException = featureException<Code>('TwoFactorException', {
  [TwoFactorErrorCode.TWO_FACTOR_CHALLENGE_INVALID]: [401, 'The sign-in has expired or is not valid; sign in again'],
  [TwoFactorErrorCode.TWO_FACTOR_CODE_INVALID]: [401, 'The code is wrong or has expired'],
  [TwoFactorErrorCode.TWO_FACTOR_CODE_REUSED]: [401, 'This code was already used; wait for the next one'],
  [TwoFactorErrorCode.TWO_FACTOR_CODE_WRONG]: [403, 'The code is wrong or has expired'],
  [TwoFactorErrorCode.TWO_FACTOR_ALREADY_ENABLED]: [409, 'Two-factor sign-in is already on; remove it first'],
  [TwoFactorErrorCode.TWO_FACTOR_NOT_ENABLED]: [409, 'Two-factor sign-in is not on for this account'],
  [TwoFactorErrorCode.TWO_FACTOR_ENROLMENT_NOT_STARTED]: [409, 'Start the set-up first: no new authenticator waits'],
  [MemberErrorCode.MEMBER_NOT_FOUND]: [404, 'Member not found'],
  [MemberErrorCode.CANNOT_ACT_ON_SELF]: [403, 'Remove your own second factor from your settings'],
});

import { MemberErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { MemberErrorCode };

export const MemberException = featureException<MemberErrorCode>('MemberException', {
  [MemberErrorCode.MEMBER_NOT_FOUND]: [404, 'Member not found'],
  [MemberErrorCode.EMAIL_TAKEN]: [409, 'A member with this e-mail already exists'],
  [MemberErrorCode.MEMBER_NOT_PENDING]: [409, 'The member is not waiting for approval'],
  [MemberErrorCode.MEMBER_NOT_SUSPENDED]: [409, 'The member is not suspended'],
  [MemberErrorCode.MEMBER_ALREADY_SUSPENDED]: [409, 'The member is already suspended'],
  [MemberErrorCode.CANNOT_ACT_ON_SELF]: [403, 'You cannot do this to your own account'],
  [MemberErrorCode.INSUFFICIENT_ROLE]: [403, 'Your role does not allow this action on that member'],
  [MemberErrorCode.WRONG_PASSWORD]: [403, 'The password is wrong'],
  [MemberErrorCode.LAST_ADMIN]: [409, 'The last administrator cannot delete their account'],
});

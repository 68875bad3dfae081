import { InvitationErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { InvitationErrorCode };

export const InvitationException = featureException<InvitationErrorCode>('InvitationException', {
  [InvitationErrorCode.INVITATION_INVALID]: [400, 'The invitation token is not valid'],
  [InvitationErrorCode.INVITATION_EXPIRED]: [400, 'The invitation has expired'],
  [InvitationErrorCode.INVITATION_ALREADY_USED]: [409, 'The invitation has already been used'],
  [InvitationErrorCode.INVITATION_EMAIL_MISMATCH]: [403, 'The invitation was made for another e-mail address'],
  [InvitationErrorCode.INVITATION_ROLE_NOT_ALLOWED]: [403, 'You cannot invite someone with that role'],
  [InvitationErrorCode.INVITEE_ALREADY_MEMBER]: [409, 'A member with this e-mail already exists'],
  [InvitationErrorCode.INVITATION_NOT_FOUND]: [404, 'Invitation not found'],
  [InvitationErrorCode.INVITATION_NOT_PENDING]: [409, 'The invitation has been used or withdrawn'],
});

import { DiscussionErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { DiscussionErrorCode };

export const DiscussionException = featureException<DiscussionErrorCode>('DiscussionException', {
  [DiscussionErrorCode.ROOM_NOT_FOUND]: [404, 'Room not found'],
  [DiscussionErrorCode.MESSAGE_NOT_FOUND]: [404, 'Message not found'],
  [DiscussionErrorCode.NOT_MESSAGE_AUTHOR]: [403, 'Only the author (or a moderator, for deletion) can do this'],
  [DiscussionErrorCode.ROOM_ARCHIVED]: [409, 'The room is archived'],
  [DiscussionErrorCode.THREAD_ROOT_NOT_FOUND]: [400, 'The thread root is not a message of this room'],
  [DiscussionErrorCode.MESSAGE_DELETED]: [409, 'The message has been deleted'],
  [DiscussionErrorCode.CLIENT_ID_REUSED]: [409, 'This clientId was already used for another message'],
  [DiscussionErrorCode.TOO_MANY_ROOM_MEMBERS]: [400, 'A direct room has at most 20 members'],
  [DiscussionErrorCode.ROOM_MEMBER_NOT_FOUND]: [400, 'Some members are not active members of the network'],
  [DiscussionErrorCode.ATTACHMENT_NOT_FOUND]: [400, 'Attach only documents you may open'],
  [DiscussionErrorCode.NOT_A_MODERATOR]: [403, 'Only the room moderators (group leads, coordinators) can do this'],
  [DiscussionErrorCode.ROOM_LEAVE_NOT_ALLOWED]: [409, 'A group or meeting room follows its group or meeting'],
  [DiscussionErrorCode.ROOM_MEMBERSHIP_FIXED]: [409, 'People are added and removed by hand only in topic rooms'],
  [DiscussionErrorCode.NOT_IN_ROOM]: [404, 'This member is not in the room'],
});

import { MeetingErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { MeetingErrorCode };

export const MeetingException = featureException<MeetingErrorCode>('MeetingException', {
  [MeetingErrorCode.MEETING_NOT_FOUND]: [404, 'Meeting not found'],
  [MeetingErrorCode.NOT_INVITED]: [403, 'You are not invited to this meeting'],
  [MeetingErrorCode.NOT_MEETING_ORGANIZER]: [
    403,
    'Only the organiser, group leads and coordinators can change this meeting',
  ],
  [MeetingErrorCode.MEETING_CANCELLED]: [409, 'The meeting has been cancelled'],
  [MeetingErrorCode.INVALID_MEETING_TIME]: [400, 'The meeting time is not valid'],
  [MeetingErrorCode.INVITEE_NOT_FOUND]: [400, 'Some invitees are not active members'],
  [MeetingErrorCode.TOO_MANY_INVITEES]: [400, 'A meeting has at most 500 invitees'],
  [MeetingErrorCode.CALENDAR_FEED_NOT_FOUND]: [404, 'Calendar feed not found'],
  [MeetingErrorCode.POLL_NOT_FOUND]: [404, 'Poll not found'],
  [MeetingErrorCode.DOCUMENT_NOT_FOUND]: [400, 'Link only documents you may open'],
  [MeetingErrorCode.POLL_CLOSED]: [409, 'The poll is closed'],
  [MeetingErrorCode.POLL_OPTION_NOT_FOUND]: [400, 'The slot is not part of this poll'],
  [MeetingErrorCode.NOT_A_VOTER]: [403, 'Only members of the working group vote'],
  [MeetingErrorCode.INVALID_RANGE]: [400, 'The date range is not valid'],
  [MeetingErrorCode.ACTION_ITEM_NOT_FOUND]: [404, 'The meeting has no such action item'],
});

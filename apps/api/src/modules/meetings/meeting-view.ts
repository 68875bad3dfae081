import type { MeetingConflictResponse, MeetingResponse } from '@lcc/contracts';
import type { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import type { Meeting } from './entities/meeting.entity.js';
import { toLocal } from './scheduling/local-time.js';

/** Maps a meeting for one viewer: UTC instants, plus the same times in the viewer's zone under `local`. */
export function toMeetingResponse(
  meeting: Meeting,
  invitees: MeetingInvitee[],
  viewer: { id: string; timeZone: string },
  conflicts: MeetingConflictResponse[] = [],
  documentTitles: ReadonlyMap<string, string> = new Map(),
): MeetingResponse {
  const mine = invitees.find((i) => i.memberId === viewer.id);
  return {
    id: meeting.id,
    workingGroupId: meeting.workingGroupId,
    title: meeting.title,
    description: meeting.description,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: meeting.timeZone,
    local: {
      startsAt: toLocal(meeting.startsAt, viewer.timeZone).dateTime,
      endsAt: toLocal(meeting.endsAt, viewer.timeZone).dateTime,
      timeZone: viewer.timeZone,
    },
    venue: meeting.venue,
    onlineUrl: meeting.onlineUrl,
    agenda: meeting.agenda,
    status: meeting.status,
    sequence: meeting.sequence,
    organizer: meeting.organizer ? { id: meeting.organizer.id, displayName: meeting.organizer.displayName } : null,
    invitees: invitees.map((i) => ({ memberId: i.memberId, displayName: i.member.displayName, response: i.response })),
    myResponse: mine?.response ?? null,
    minutes: meeting.minutes,
    actionItems: meeting.actionItems,
    documents: (meeting.documentIds ?? []).map((documentId) => ({
      documentId,
      title: documentTitles.get(documentId) ?? null,
    })),
    conflicts,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}

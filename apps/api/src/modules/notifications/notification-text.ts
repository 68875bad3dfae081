import { NotificationType } from '@lcc/contracts';

const REMINDER_WHEN: Record<string, string> = { '24h': 'in 24 hours', '1h': 'in 1 hour' };

/**
 * The English sentence of a notification, for API clients that do not translate (`NotificationResponse.title`).
 * Nothing stores it: readers' clients render `type` + `data` in their own language.
 */
export function englishTitle(type: NotificationType, data: Record<string, string>): string {
  switch (type) {
    case NotificationType.MeetingInvited:
      return `You are invited: ${data.meetingTitle ?? ''}`;
    case NotificationType.MeetingUpdated:
      return `Meeting changed: ${data.meetingTitle ?? ''}`;
    case NotificationType.MeetingCancelled:
      return `Meeting cancelled: ${data.meetingTitle ?? ''}`;
    case NotificationType.MeetingMinutes:
      return `Minutes of ${data.meetingTitle ?? ''}`;
    case NotificationType.MeetingReminder:
      return `${data.meetingTitle ?? ''} starts ${REMINDER_WHEN[data.reminder] ?? 'soon'}`;
    case NotificationType.ActionItemAssigned:
      return `${data.actorName || 'Someone'} gave you an action item from ${data.meetingTitle ?? ''}: ${data.actionItemText ?? ''}`;
    case NotificationType.ActionItemDue:
      return `Your action item from ${data.meetingTitle ?? ''} is due today: ${data.actionItemText ?? ''}`;
    case NotificationType.PollOpened:
      return `${data.actorName || 'Someone'} opened a poll in ${data.groupName ?? ''}: ${data.pollTitle ?? ''}`;
    case NotificationType.PollReminder:
      return `A poll in ${data.groupName ?? ''} closes soon and waits for your answer: ${data.pollTitle ?? ''}`;
    case NotificationType.GroupJoinRequested:
      return data.memberName
        ? `${data.memberName} asks to join ${data.groupName ?? ''}`
        : `A member asks to join ${data.groupName ?? ''}`;
    case NotificationType.GroupJoined:
      return `You are now a member of ${data.groupName ?? ''}`;
    case NotificationType.MessageMention:
      return `${data.actorName ?? 'Someone'} mentioned you`;
    case NotificationType.RoomMention:
      return `${data.actorName ?? 'Someone'} mentioned everyone in the room`;
    case NotificationType.DirectMessage:
      return `${data.actorName ?? 'Someone'} sent you a direct message`;
    case NotificationType.DocumentAdded:
      return `${data.actorName ?? 'Someone'} added ${data.documentTitle ?? 'a document'} to ${data.groupName ?? ''}`;
    case NotificationType.RegistrationPending:
      return `${data.memberName ?? 'Someone'} registered and waits for approval`;
    default:
      return String(type);
  }
}

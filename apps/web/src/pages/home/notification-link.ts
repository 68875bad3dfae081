import { NotificationType, type NotificationResponse } from '@lcc/contracts';

/** Where a notification leads. */
export function notificationLink(notification: NotificationResponse): string {
  const { data } = notification;
  switch (notification.type) {
    case NotificationType.MessageMention:
    case NotificationType.RoomMention:
    case NotificationType.DirectMessage:
      return data.roomId ? `/rooms/${data.roomId}` : '/rooms';
    case NotificationType.GroupJoinRequested:
    case NotificationType.GroupJoined:
      return data.workingGroupId ? `/groups/${data.workingGroupId}` : '/groups';
    case NotificationType.PollOpened:
    case NotificationType.PollReminder:
      return data.pollId ? `/polls/${data.pollId}` : '/meetings';
    case NotificationType.DocumentAdded:
      return data.documentId ? `/documents/${data.documentId}` : '/documents';
    case NotificationType.RegistrationPending:
      return '/admin';
    default:
      return data.meetingId ? `/meetings/${data.meetingId}` : '/meetings';
  }
}

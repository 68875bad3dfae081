import { NotificationType, type NotificationResponse } from '@lcc/contracts';

/** Where a notification leads. */
export function notificationLink(notification: NotificationResponse): string {
  const { data } = notification;
  switch (notification.type) {
    case NotificationType.MessageMention:
    case NotificationType.RoomMention:
      return data.roomId ? `/rooms/${data.roomId}` : '/rooms';
    case NotificationType.GroupJoinRequested:
    case NotificationType.GroupJoined:
      return data.workingGroupId ? `/groups/${data.workingGroupId}` : '/groups';
    default:
      return data.meetingId ? `/meetings/${data.meetingId}` : '/meetings';
  }
}

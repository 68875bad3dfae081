import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationType, type NotificationResponse } from '@lcc/contracts';

/** The catalogue key of a notification's sentence (`home:notificationText.*`); reminders say how soon. */
function sentenceKey(notification: NotificationResponse): string {
  if (notification.type === NotificationType.MeetingReminder) {
    return notification.data.reminder === '1h' ? 'meeting_reminder_1h' : 'meeting_reminder_24h';
  }
  return notification.type;
}

/**
 * Says a notification in the reader's language from its kind and parameters (the server stores no sentence).
 * A name missing from an old notification reads as "someone" / "a meeting" rather than as an empty gap.
 */
export function useNotificationText(): (notification: NotificationResponse) => string {
  const { t } = useTranslation('home');
  return useCallback(
    (notification: NotificationResponse) => {
      const { data } = notification;
      const key = sentenceKey(notification);
      return t(`notificationText.${key}`, {
        meetingTitle: data.meetingTitle || t('notificationText.aMeeting'),
        groupName: data.groupName || t('notificationText.aGroup'),
        memberName: data.memberName || t('notificationText.someone'),
        actorName: data.actorName || t('notificationText.someone'),
        documentTitle: data.documentTitle || t('notificationText.aDocument'),
        actionItemText: data.actionItemText ?? '',
        pollTitle: data.pollTitle ?? '',
        // An unknown kind (a newer server) falls back to the server's English sentence.
        defaultValue: notification.title,
      });
    },
    [t],
  );
}

import { featureException } from '../../common/errors/app.exception.js';

export enum NotificationErrorCode {
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
  UNSUBSCRIBE_LINK_INVALID = 'UNSUBSCRIBE_LINK_INVALID',
}

export const NotificationException = featureException<NotificationErrorCode>('NotificationException', {
  [NotificationErrorCode.NOTIFICATION_NOT_FOUND]: [404, 'Notification not found'],
  [NotificationErrorCode.UNSUBSCRIBE_LINK_INVALID]: [404, 'This unsubscribe link is not valid'],
});

import { featureException } from '../../common/errors/app.exception.js';

export enum NotificationErrorCode {
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
}

export const NotificationException = featureException<NotificationErrorCode>('NotificationException', {
  [NotificationErrorCode.NOTIFICATION_NOT_FOUND]: [404, 'Notification not found'],
});

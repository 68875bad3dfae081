import { NotificationErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { NotificationErrorCode };

export const NotificationException = featureException<NotificationErrorCode>('NotificationException', {
  [NotificationErrorCode.NOTIFICATION_NOT_FOUND]: [404, 'Notification not found'],
  [NotificationErrorCode.UNSUBSCRIBE_LINK_INVALID]: [404, 'This unsubscribe link is not valid'],
});

import { NotificationErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { NotificationErrorCode };

export const NotificationException = featureException<NotificationErrorCode>('NotificationException', {
  [NotificationErrorCode.NOTIFICATION_NOT_FOUND]: [404, 'Notification not found'],
});

import { MailErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { MailErrorCode };

export const MailException = featureException<MailErrorCode>('MailException', {
  [MailErrorCode.OUTBOX_MAIL_NOT_FOUND]: [404, 'The e-mail was not found in the outbox'],
});

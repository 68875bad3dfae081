import { featureException } from '../../common/errors/app.exception.js';

export enum MailErrorCode {
  OUTBOX_MAIL_NOT_FOUND = 'OUTBOX_MAIL_NOT_FOUND',
}

export const MailException = featureException<MailErrorCode>('MailException', {
  [MailErrorCode.OUTBOX_MAIL_NOT_FOUND]: [404, 'The e-mail was not found in the outbox'],
});

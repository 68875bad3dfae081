import { PrivacyErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { PrivacyErrorCode };

export const PrivacyException = featureException<PrivacyErrorCode>('PrivacyException', {
  [PrivacyErrorCode.DATA_EXPORT_NOT_FOUND]: [404, 'Data export not found'],
  [PrivacyErrorCode.DATA_EXPORT_IN_PROGRESS]: [409, 'Your data export is being prepared already'],
});

import { LinkedRecordErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { LinkedRecordErrorCode };

export const LinkedRecordException = featureException<LinkedRecordErrorCode>('LinkedRecordException', {
  [LinkedRecordErrorCode.DOCUMENT_NOT_LINKABLE]: [400, 'Only documents you may open can be linked'],
});

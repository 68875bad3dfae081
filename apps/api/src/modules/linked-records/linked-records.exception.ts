import { featureException } from '../../common/errors/app.exception.js';

export enum LinkedRecordErrorCode {
  DOCUMENT_NOT_LINKABLE = 'DOCUMENT_NOT_LINKABLE',
}

export const LinkedRecordException = featureException<LinkedRecordErrorCode>('LinkedRecordException', {
  [LinkedRecordErrorCode.DOCUMENT_NOT_LINKABLE]: [400, 'Only documents you may open can be linked'],
});

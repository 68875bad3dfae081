import { AnalysisErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { AnalysisErrorCode };

export const AnalysisException = featureException<AnalysisErrorCode>('AnalysisException', {
  [AnalysisErrorCode.NO_VALUE_FOR_YEAR]: [404, 'The series has no value for a requested year'],
  [AnalysisErrorCode.CHANGE_NOT_COMPUTABLE]: [409, 'A change can only be computed from a positive start value'],
});

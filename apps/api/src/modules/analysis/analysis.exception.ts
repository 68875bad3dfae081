import { featureException } from '../../common/errors/app.exception.js';

export enum AnalysisErrorCode {
  NO_VALUE_FOR_YEAR = 'NO_VALUE_FOR_YEAR',
  CHANGE_NOT_COMPUTABLE = 'CHANGE_NOT_COMPUTABLE',
}

export const AnalysisException = featureException<AnalysisErrorCode>('AnalysisException', {
  [AnalysisErrorCode.NO_VALUE_FOR_YEAR]: [404, 'The series has no value for a requested year'],
  [AnalysisErrorCode.CHANGE_NOT_COMPUTABLE]: [409, 'A change can only be computed from a positive start value'],
});

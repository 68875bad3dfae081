import { IndicatorErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { IndicatorErrorCode };

export const IndicatorException = featureException<IndicatorErrorCode>('IndicatorException', {
  [IndicatorErrorCode.INDICATOR_NOT_FOUND]: [404, 'Indicator not found'],
  [IndicatorErrorCode.INDICATOR_CODE_TAKEN]: [409, 'Another indicator already uses this code'],
  [IndicatorErrorCode.INDICATOR_VALUE_NOT_FOUND]: [404, 'Indicator value not found'],
  [IndicatorErrorCode.INDICATOR_VALUE_EXISTS]: [409, 'A value for this indicator, subject and year already exists'],
  [IndicatorErrorCode.REPORTED_CHANGE_NOT_FOUND]: [404, 'Reported change not found'],
  [IndicatorErrorCode.COUNTRY_DATA_FORBIDDEN]: [403, 'Only coordinators can change country-level data'],
  [IndicatorErrorCode.IMPORT_FAILED]: [400, 'The file has errors; nothing was imported'],
  [IndicatorErrorCode.CSV_REQUIRED]: [415, 'Send the file as text/csv'],
  [IndicatorErrorCode.CSV_TOO_LARGE]: [413, 'The file is too large'],
});

import { CommonErrorCode } from '@lcc/contracts';
import { featureException } from './app.exception.js';

/** Errors that belong to no single feature (validation, authentication, rate limits). */
export const CommonException = featureException<CommonErrorCode>('CommonException', {
  [CommonErrorCode.VALIDATION_FAILED]: [400, 'The request is not valid'],
  [CommonErrorCode.MALFORMED_JSON]: [400, 'The request body is not valid JSON'],
  [CommonErrorCode.UNAUTHORIZED]: [401, 'Authentication is required'],
  [CommonErrorCode.TOKEN_EXPIRED]: [401, 'The access token has expired'],
  [CommonErrorCode.FORBIDDEN]: [403, 'You are not allowed to do this'],
  [CommonErrorCode.NOT_FOUND]: [404, 'Not found'],
  [CommonErrorCode.CONFLICT]: [409, 'Conflict'],
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: [413, 'The request is too large'],
  [CommonErrorCode.UNSUPPORTED_MEDIA_TYPE]: [415, 'The content type is not supported'],
  [CommonErrorCode.RATE_LIMITED]: [429, 'Too many requests; try again later'],
  [CommonErrorCode.REQUEST_FAILED]: [400, 'The request could not be completed'],
  [CommonErrorCode.INTERNAL_ERROR]: [500, 'Something went wrong on our side'],
  [CommonErrorCode.SERVICE_UNAVAILABLE]: [503, 'The service is not available'],
});

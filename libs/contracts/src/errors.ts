/** The one error shape of every failed HTTP request. */
export interface ErrorResponse {
  statusCode: number;
  /** Stable UPPER_SNAKE code, e.g. `VALIDATION_FAILED`, `MEMBER_NOT_FOUND`. */
  code: string;
  message: string;
  details?: ErrorDetail[];
  requestId: string;
}

export interface ErrorDetail {
  field: string;
  /** English, for developers and logs; clients translate `code` when there is one. */
  message: string;
  /** Stable UPPER_SNAKE reason for this field, when clients should be able to say it in the reader's language. */
  code?: string;
}

/** Detail code: a new password that zxcvbn scores below 3 (too easy to guess). */
export const PASSWORD_TOO_WEAK = 'PASSWORD_TOO_WEAK';

/** Codes that do not belong to one feature. */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  UNAUTHORIZED = 'UNAUTHORIZED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED = 'RATE_LIMITED',
  /** A refusal of the framework with a 4xx status no other code names (e.g. 405, 406, 410). */
  REQUEST_FAILED = 'REQUEST_FAILED',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

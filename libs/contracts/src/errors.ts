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
  message: string;
}

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
  INTERNAL_ERROR = 'INTERNAL_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

import { HttpException } from '@nestjs/common';
import type { ErrorDetail } from '@lcc/contracts';

/** An error of the public contract: an HTTP status, a stable UPPER_SNAKE code, a message and optional details. */
export class AppException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message, status);
  }
}

export type ErrorTable<Code extends string> = Record<Code, readonly [status: number, message: string]>;

/**
 * Builds a feature's exception class from its table of codes, e.g.
 * `throw new MemberException(MemberErrorCode.NOT_FOUND)`.
 */
export function featureException<Code extends string>(name: string, table: ErrorTable<Code>) {
  const FeatureException = class extends AppException {
    constructor(code: Code, message?: string, details?: ErrorDetail[]) {
      const [status, defaultMessage] = table[code];
      super(status, code, message ?? defaultMessage, details);
    }
  };
  Object.defineProperty(FeatureException, 'name', { value: name });
  return FeatureException;
}

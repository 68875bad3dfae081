import { HttpException } from '@nestjs/common';
import type { ErrorCode, ErrorDetail } from '@lcc/contracts';

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

export type ErrorTable<Code extends ErrorCode> = Record<Code, readonly [status: number, message: string]>;

/** The codes each feature's table answers, by exception name: a test checks them against the contract's list. */
export const answeredErrorCodes = new Map<string, readonly string[]>();

/**
 * Builds a feature's exception class from its table of codes, e.g.
 * `throw new MemberException(MemberErrorCode.NOT_FOUND)`. Codes come from the contract (`ErrorCode`), so every code
 * a feature answers is one clients can translate.
 */
export function featureException<Code extends ErrorCode>(name: string, table: ErrorTable<Code>) {
  answeredErrorCodes.set(name, Object.keys(table));
  const FeatureException = class extends AppException {
    constructor(code: Code, message?: string, details?: ErrorDetail[]) {
      const [status, defaultMessage] = table[code];
      super(status, code, message ?? defaultMessage, details);
    }
  };
  Object.defineProperty(FeatureException, 'name', { value: name });
  return FeatureException;
}

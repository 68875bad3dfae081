import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommonErrorCode, type ErrorCode, type ErrorResponse } from '@lcc/contracts';
import { AppException } from '../errors/app.exception.js';
import { requestIdOf } from '../http/request-id.js';

/** The code of an HttpException thrown by the framework (no feature code of its own), by status. */
export const CODE_BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.VALIDATION_FAILED,
  401: CommonErrorCode.UNAUTHORIZED,
  403: CommonErrorCode.FORBIDDEN,
  404: CommonErrorCode.NOT_FOUND,
  409: CommonErrorCode.CONFLICT,
  413: CommonErrorCode.PAYLOAD_TOO_LARGE,
  415: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: CommonErrorCode.RATE_LIMITED,
  503: CommonErrorCode.SERVICE_UNAVAILABLE,
};

/**
 * Body-parser errors carry `status` and `type` rather than being HttpExceptions; Express's router throws the
 * same kind (`status` 400, no `type`) for a path it cannot percent-decode.
 */
interface BodyParserError {
  status: number;
  type?: string;
}

/** Maps every error to `{ statusCode, code, message, details?, requestId }`; unknown errors become a bare 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception, requestIdOf(request));
    if (body.statusCode >= 500) {
      // Name, message and stack only: a failed query's parameters may hold secrets.
      const err =
        exception instanceof Error
          ? { type: exception.name, message: exception.message, stack: exception.stack }
          : { message: String(exception) };
      this.logger.error({ err, requestId: body.requestId }, 'unhandled error');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    // Routes that answer files set their own Content-Type up front; an error is always JSON.
    response.status(body.statusCode).type('application/json').removeHeader('Content-Disposition');
    response.json(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorResponse {
    if (exception instanceof AppException) {
      const body: ErrorResponse = {
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        requestId,
      };
      if (exception.details?.length) body.details = exception.details;
      return body;
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      // The Express adapter wraps body-parser's SyntaxError for invalid JSON in a 400.
      if (statusCode === 400 && exception.cause instanceof SyntaxError) {
        return {
          statusCode,
          code: CommonErrorCode.MALFORMED_JSON,
          message: 'The request body is not valid JSON',
          requestId,
        };
      }
      // Every code answered is in the contract's list, so clients can always say it in the reader's language.
      const code: ErrorCode =
        CODE_BY_STATUS[statusCode] ??
        (statusCode >= 500 ? CommonErrorCode.INTERNAL_ERROR : CommonErrorCode.REQUEST_FAILED);
      const message = statusCode === 404 ? 'Not found' : exception.message;
      return { statusCode, code, message, requestId };
    }
    if (isBodyParserError(exception)) {
      if (exception.type === 'entity.parse.failed') {
        return {
          statusCode: 400,
          code: CommonErrorCode.MALFORMED_JSON,
          message: 'The request body is not valid JSON',
          requestId,
        };
      }
      const statusCode = exception.status;
      const code = CODE_BY_STATUS[statusCode] ?? CommonErrorCode.VALIDATION_FAILED;
      return { statusCode, code, message: 'The request body could not be read', requestId };
    }
    return {
      statusCode: 500,
      code: CommonErrorCode.INTERNAL_ERROR,
      message: 'Something went wrong on our side',
      requestId,
    };
  }
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<BodyParserError>;
  return typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500;
}

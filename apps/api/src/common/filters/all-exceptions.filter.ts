import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrorCode, type ErrorCode, type ErrorResponse } from '@lcc/contracts';
import { AppException } from '../errors/app.exception.js';
import { REQUEST_ID_HEADER, requestIdOf } from '../http/request-id.js';

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

/** Maps every error to `{ statusCode, code, message, details?, requestId }`; unknown errors become a bare 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply | ServerResponse>();
    const body = toErrorBody(exception, requestIdOf(request));
    if (body.statusCode >= 500) {
      // Name, message and stack only: a failed query's parameters may hold secrets.
      const err =
        exception instanceof Error
          ? { type: exception.name, message: exception.message, stack: exception.stack }
          : { message: String(exception) };
      this.logger.error({ err, requestId: body.requestId }, 'unhandled error');
    }
    // Middleware errors come with the Node response; everything else with Fastify's reply.
    const raw = 'raw' in reply ? reply.raw : reply;
    if (raw.headersSent) {
      if (!raw.writableEnded) raw.end();
      return;
    }
    const payload = JSON.stringify(body);
    if (!('raw' in reply)) {
      raw.removeHeader('Content-Disposition');
      raw.writeHead(body.statusCode, {
        [REQUEST_ID_HEADER]: body.requestId,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(payload),
      });
      raw.end(payload);
      return;
    }
    // Routes that answer files set their own Content-Type up front; an error is always JSON.
    reply
      .status(body.statusCode)
      .removeHeader('Content-Disposition')
      .removeHeader('Content-Length')
      .header(REQUEST_ID_HEADER, body.requestId)
      .header('Content-Type', 'application/json; charset=utf-8')
      .send(payload);
  }
}

/** The contract's error body for any error (also for those the router answers before any hook runs). */
export function toErrorBody(exception: unknown, requestId: string): ErrorResponse {
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
    // Fastify's own refusals (the adapter wraps those under 500 in an HttpException): a body it could not read.
    if (isFastifyError(exception.cause) && exception.cause.code.startsWith('FST_ERR_CTP_')) {
      const code = CODE_BY_STATUS[statusCode] ?? CommonErrorCode.VALIDATION_FAILED;
      return { statusCode, code, message: 'The request body could not be read', requestId };
    }
    // Every code answered is in the contract's list, so clients can always say it in the reader's language.
    const code: ErrorCode =
      CODE_BY_STATUS[statusCode] ??
      (statusCode >= 500 ? CommonErrorCode.INTERNAL_ERROR : CommonErrorCode.REQUEST_FAILED);
    const message = statusCode === 404 ? 'Not found' : exception.message;
    return { statusCode, code, message, requestId };
  }
  if (isFastifyError(exception) && exception.statusCode && exception.statusCode < 500) {
    const statusCode = exception.statusCode;
    const code = CODE_BY_STATUS[statusCode] ?? CommonErrorCode.REQUEST_FAILED;
    return { statusCode, code, message: 'The request could not be read', requestId };
  }
  return {
    statusCode: 500,
    code: CommonErrorCode.INTERNAL_ERROR,
    message: 'Something went wrong on our side',
    requestId,
  };
}

/** Fastify's own errors (`FST_ERR_*`), e.g. a body over the limit or a Content-Length that does not match. */
function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && error.name === 'FastifyError' && typeof (error as FastifyError).code === 'string';
}

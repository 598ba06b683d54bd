import { DomainError, ErrorCode } from '@finstack/contracts';
import { isDatabaseUnavailable } from '@finstack/database';
import { ERROR_CODE_LOCAL } from '@finstack/metrics';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { requestIdOf } from './request-id.middleware';

/** Nest's own HTTP exceptions (unknown route, wrong method) by status. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  404: ErrorCode.ROUTE_NOT_FOUND,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/**
 * The single place that shapes HTTP errors: `{ statusCode, code, message,
 * details?, requestId }`, whatever failed — a service's DomainError, a
 * validation error, body parsing, or a bug (500, logged, never leaked).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = this.toDomainError(exception, request);
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    response.locals[ERROR_CODE_LOCAL] = error.code; // counted by the metrics middleware
    response.status(error.status).json({
      statusCode: error.status,
      code: error.code,
      message: error.message,
      ...(error.details !== undefined ? { details: error.details } : {}),
      requestId: requestIdOf(request),
    });
  }

  private toDomainError(exception: unknown, request: Request): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof HttpException) {
      const code = HTTP_STATUS_CODES[exception.getStatus()];
      if (code === ErrorCode.ROUTE_NOT_FOUND) {
        return new DomainError(code, `no route for ${request.method} ${request.path}`);
      }
      if (code) return new DomainError(code, exception.message);
    }
    if (isDatabaseUnavailable(exception)) {
      // The gateway's own database (accounts, tokens) is down: retryable, not a bug.
      this.logger.warn(`database unavailable on ${request.method} ${request.path}: ${(exception as Error).message}`);
      return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'database unavailable, try again');
    }
    this.logger.error(
      `unhandled error on ${request.method} ${request.path}`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return new DomainError(ErrorCode.INTERNAL, 'internal error');
  }
}

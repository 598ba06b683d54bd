import { DomainError, ErrorBody, ErrorCode } from '@finstack/contracts';
import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { isDatabaseUnavailable, isUniqueViolation } from '@finstack/database';

/**
 * Server side of every TCP service: a DomainError crosses the wire with its
 * code; a database outage is a 503; anything unexpected is logged here and sent as a plain INTERNAL body,
 * so callers never get Nest's bare "Internal server error" string.
 */
@Catch()
export class AllRpcExceptionsFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcExceptions');

  catch(exception: unknown, host: ArgumentsHost): Observable<ErrorBody> {
    if (exception instanceof DomainError) return throwError(() => exception.toBody());
    const pattern = host.switchToRpc().getContext<{ getPattern?: () => string }>()?.getPattern?.();
    if (isDatabaseUnavailable(exception)) {
      // An outage, not a bug: the caller may retry, and the pool reconnects once the database is back.
      this.logger.warn(`database unavailable on ${pattern ?? 'unknown pattern'}: ${(exception as Error).message}`);
      return throwError(() => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'database unavailable, try again').toBody());
    }
    if (isUniqueViolation(exception)) {
      // A unique index caught a race the use case did not foresee: a conflict, not a crash.
      this.logger.warn(`unique index violation on ${pattern ?? 'unknown pattern'}`);
      return throwError(() => new DomainError(ErrorCode.CONFLICT, 'conflicts with an existing record').toBody());
    }
    this.logger.error(
      `unhandled error on ${pattern ?? 'unknown pattern'}`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return throwError(() => new DomainError(ErrorCode.INTERNAL, 'internal error').toBody());
  }
}

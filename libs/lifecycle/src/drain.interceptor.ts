import { DomainError, ErrorCode } from '@finstack/contracts';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { finalize, Observable, throwError } from 'rxjs';
import { DrainState } from './drain-state';

/**
 * TCP side of a graceful shutdown: a message that arrives once the service
 * is draining is refused with SERVICE_UNAVAILABLE (the gateway answers 503
 * and nothing was done), and messages already being handled are counted so
 * shutdown waits for their replies before it closes the sockets.
 */
@Injectable()
export class DrainInterceptor implements NestInterceptor {
  constructor(private readonly drain: DrainState) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    if (this.drain.isDraining) {
      return throwError(() => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'the service is shutting down'));
    }
    const done = this.drain.track();
    return next.handle().pipe(finalize(done));
  }
}

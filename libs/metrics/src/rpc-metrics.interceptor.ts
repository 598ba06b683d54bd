import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { AppMetrics } from './app-metrics';
import { errorCodeOf } from './error-code';

/**
 * Times every TCP message a service handles, by pattern, and counts the
 * errors it answers by code. Registered globally; HTTP and Socket.IO
 * handlers pass through (HTTP is timed by the metrics middleware).
 */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: AppMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const pattern = context.switchToRpc().getContext<{ getPattern?: () => string }>()?.getPattern?.() ?? 'unknown';
    const started = performance.now();
    const stop = (outcome: string) => this.metrics.observeRpc({ pattern, outcome }, (performance.now() - started) / 1000);
    return next.handle().pipe(
      tap({
        complete: () => stop('ok'),
        error: (error: unknown) => {
          stop('error');
          this.metrics.errors.inc({ code: errorCodeOf(error), transport: 'rpc' });
        },
      }),
    );
  }
}

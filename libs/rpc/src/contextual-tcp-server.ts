import { Logger } from '@nestjs/common';
import { MessageHandler, ServerTCP, TcpOptions } from '@nestjs/microservices';
import { DomainError, ErrorCode } from '@finstack/contracts';
import { isObservable, Observable, tap, throwError } from 'rxjs';
import { takeCallMetadata } from './call-metadata';
import { endHop, startServerHop } from './hop-tracing';
import { payloadShapeProblem } from './payload-shape';
import { runWithRequestContext } from './request-context';

/**
 * Nest's TCP server, with every handler run inside its caller's context: the
 * call envelope is taken off the payload before any pipe validates it, the
 * request id goes into every log line the handler writes (and into the calls
 * it makes in turn), and a server span covers the handler, child of the
 * caller's span. A message nested too deep is refused (VALIDATION_FAILED)
 * before any pipe walks it, so a raw caller of the port cannot overflow the stack.
 * The call's token goes into the context for CallerGuard, never into a log line.
 */
export class ContextualTcpServer extends ServerTCP {
  private readonly calls = new Logger('rpc');

  constructor(options: Required<TcpOptions>['options']) {
    super(options);
  }

  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    const name = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
    const handler: MessageHandler = (data, ctx) => {
      const problem = payloadShapeProblem(data);
      if (problem === undefined) return this.handleInContext(name, data, () => callback(data, ctx));
      this.calls.warn({ msg: 'refused', pattern: name, reason: problem });
      return Promise.resolve(throwError(() => new DomainError(ErrorCode.VALIDATION_FAILED, problem).toBody()));
    };
    super.addHandler(pattern, handler, isEventHandler, extras);
  }

  private handleInContext(pattern: string, data: unknown, handle: () => ReturnType<MessageHandler>): ReturnType<MessageHandler> {
    const metadata = takeCallMetadata(data);
    const { requestId, token } = metadata;
    const { span, run } = startServerHop(pattern, metadata);
    const began = performance.now();
    const finish = (error?: unknown) => {
      endHop(span, error);
      // Debug: an operator turns it on to follow one request through the services.
      const trace = span.isRecording() ? { traceId: span.spanContext().traceId } : {};
      this.calls.debug({ msg: 'handled', pattern, outcome: error === undefined ? 'ok' : 'error', ms: elapsedMs(began), requestId, ...trace });
    };
    const inContext = <T>(work: () => T): T => runWithRequestContext({ requestId, callToken: token }, () => run(work));
    return inContext(async () => {
      let result: unknown;
      try {
        result = await handle();
      } catch (error) {
        finish(error);
        throw error;
      }
      // Nest answers with an observable (errors included, from the exception filter) that may
      // only start the work when subscribed (interceptors defer it): subscribed in context too.
      if (isObservable(result)) return new Observable((subscriber) => inContext(() => settleWith(result, finish).subscribe(subscriber)));
      finish();
      return result;
    }) as ReturnType<MessageHandler>;
  }
}

function settleWith<T>(result: Observable<T>, finish: (error?: unknown) => void): Observable<T> {
  return result.pipe(tap({ complete: () => finish(), error: (error: unknown) => finish(error), unsubscribe: () => finish() }));
}

function elapsedMs(began: number): number {
  return Math.round((performance.now() - began) * 10) / 10;
}

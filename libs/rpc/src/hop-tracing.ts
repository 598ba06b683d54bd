import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { CallMetadata } from './call-metadata';
import { currentRequestId } from './request-context';

/*
 * One span per TCP hop on each side. Without a registered tracer (tracing off)
 * the API hands out non-recording spans and a no-op propagator: a few
 * allocations per call, nothing sent.
 */
const tracer = trace.getTracer('@finstack/rpc');

const RPC_SYSTEM = 'nestjs-tcp';

/** A client span for one call, and the envelope that carries its context to the server. */
export function startClientHop(service: string, pattern: string): { span: Span; metadata: CallMetadata } {
  const span = tracer.startSpan(pattern, {
    kind: SpanKind.CLIENT,
    attributes: { 'rpc.system': RPC_SYSTEM, 'rpc.service': service, 'rpc.method': pattern },
  });
  const metadata: CallMetadata = { requestId: currentRequestId() };
  propagation.inject(trace.setSpan(context.active(), span), metadata);
  return { span, metadata };
}

/** A server span for one received message, child of the caller's span when the envelope names one. */
export function startServerHop(pattern: string, metadata: CallMetadata): { span: Span; run: <T>(work: () => T) => T } {
  const parent = propagation.extract(context.active(), metadata);
  const span = tracer.startSpan(
    pattern,
    { kind: SpanKind.SERVER, attributes: { 'rpc.system': RPC_SYSTEM, 'rpc.method': pattern } },
    parent,
  );
  const active = trace.setSpan(parent, span);
  return { span, run: (work) => context.with(active, work) };
}

export function endHop(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
  }
  span.end();
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) return String((error as { code: unknown }).code);
  return String(error);
}

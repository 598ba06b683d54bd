import { context, Link, propagation, SpanContext, trace, TraceFlags } from '@opentelemetry/api';

/*
 * Work that happens later, elsewhere, because of a request (an outbox event
 * relayed to notifications, a queued job) is not a child of that request: its
 * span starts its own trace and links back to the request's. A link is made
 * from the W3C traceparent the request's span had, stored beside the work.
 * Only @opentelemetry/api here: with tracing off every call is a no-op.
 */

/** The active span's W3C traceparent, to store beside work done later; undefined when no span records. */
export function activeTraceparent(): string | undefined {
  const span = trace.getActiveSpan();
  if (!span || !span.isRecording()) return undefined;
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The span context a stored traceparent names; undefined for anything that is not one. */
export function spanContextOf(traceparent: string | null | undefined): SpanContext | undefined {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16) & TraceFlags.SAMPLED, isRemote: true };
}

/** OpenTelemetry's default cap on links per span: more would be dropped by the SDK anyway. */
export const MAX_SPAN_LINKS = 128;

/** Links to the traces of these traceparents, each once, skipping the ones that are not traceparents. */
export function linksTo(traceparents: ReadonlyArray<string | null | undefined>): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const traceparent of traceparents) {
    const spanContext = spanContextOf(traceparent);
    if (!spanContext || seen.has(traceparent!)) continue;
    seen.add(traceparent!);
    links.push({ context: spanContext });
    if (links.length === MAX_SPAN_LINKS) break;
  }
  return links;
}

import { Attributes, Context, Link, SpanKind, TraceFlags } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  Sampler,
  SamplingDecision,
  SamplingResult,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';

/** The values of OTEL_TRACES_SAMPLER finstack honours (the OpenTelemetry SDK configuration spec's built-in ones). */
const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;
type SamplerName = (typeof SAMPLERS)[number];

/**
 * The sampler of OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG (a ratio from
 * 0 to 1, default 1), parent-based always-on when unset. Whatever it is, a
 * trace that would start with a database query of its own (an outbox relay's
 * poll, a migration) is never kept: only requests and calls start traces.
 * A value it does not know stops the start with the variable named, as every
 * other bad setting does.
 */
export function samplerFromEnv(env: NodeJS.ProcessEnv = process.env): Sampler {
  const name = (env.OTEL_TRACES_SAMPLER?.trim() || 'parentbased_always_on') as SamplerName;
  if (!SAMPLERS.includes(name)) {
    throw new Error(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')} (got "${env.OTEL_TRACES_SAMPLER}")`);
  }
  const root = new RequestsOnlySampler(rootSampler(name.replace(/^parentbased_/, ''), ratioFrom(env)));
  return name.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
}

function rootSampler(name: string, ratio: number): Sampler {
  if (name === 'always_off') return new AlwaysOffSampler();
  if (name === 'traceidratio') return new TraceIdRatioBasedSampler(ratio);
  return new AlwaysOnSampler();
}

function ratioFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  if (!raw) return 1;
  const ratio = Number(raw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1 (got "${raw}")`);
  }
  return ratio;
}

/**
 * Keeps a trace only when it starts with a request or a call, not with a query
 * of its own: pollers (the outbox relays) and migrations would otherwise send
 * a trace every few hundred milliseconds. A root span linked to a sampled
 * trace is kept too. Otherwise the configured sampler decides.
 */
export class RequestsOnlySampler implements Sampler {
  constructor(private readonly inner: Sampler) {}

  shouldSample(context: Context, traceId: string, name: string, kind: SpanKind, attributes: Attributes, links: Link[]): SamplingResult {
    if (attributes['db.system'] !== undefined) return { decision: SamplingDecision.NOT_RECORD };
    // Work linked to a kept request (a relayed event, a queued job) is kept with it, so the chain has no holes.
    if (links.some((link) => (link.context.traceFlags & TraceFlags.SAMPLED) !== 0)) return { decision: SamplingDecision.RECORD_AND_SAMPLED };
    return this.inner.shouldSample(context, traceId, name, kind, attributes, links);
  }

  toString(): string {
    return `RequestsOnly{${this.inner.toString()}}`;
  }
}

import { context, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-node';
import { samplerFromEnv } from './sampler';

/** Root decisions over many trace ids: the share the sampler kept. */
function keptShare(env: NodeJS.ProcessEnv, runs = 2000): number {
  const sampler = samplerFromEnv(env);
  let kept = 0;
  for (let i = 0; i < runs; i++) {
    const traceId = (i * 2654435761 + 12345).toString(16).padStart(8, '0').repeat(4).slice(0, 32);
    if (sampler.shouldSample(ROOT_CONTEXT, traceId, 'GET /x', SpanKind.SERVER, {}, []).decision === SamplingDecision.RECORD_AND_SAMPLED) kept++;
  }
  return kept / runs;
}

const sampledParent = trace.setSpanContext(context.active(), { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED, isRemote: true });

describe('samplerFromEnv (OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG)', () => {
  it('keeps every request trace when unset (parent-based always on)', () => {
    expect(keptShare({})).toBe(1);
  });

  it('keeps about the configured share with parentbased_traceidratio, and follows a sampled parent', () => {
    const env = { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' };
    const share = keptShare(env);
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
    const child = samplerFromEnv(env).shouldSample(sampledParent, 'a'.repeat(32), 'call', SpanKind.SERVER, {}, []);
    expect(child.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });

  it('keeps nothing with always_off or a ratio of 0', () => {
    expect(keptShare({ OTEL_TRACES_SAMPLER: 'always_off' })).toBe(0);
    expect(keptShare({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' })).toBe(0);
  });

  it('never starts a trace with a database query of its own (an outbox poll), whatever the sampler', () => {
    const sampler = samplerFromEnv({ OTEL_TRACES_SAMPLER: 'always_on' });
    expect(sampler.shouldSample(ROOT_CONTEXT, 'c'.repeat(32), 'SELECT', SpanKind.CLIENT, { 'db.system': 'mysql' }, []).decision).toBe(SamplingDecision.NOT_RECORD);
  });

  it('keeps a relay or push span linked to a kept request even when the ratio would drop it, and not one linked to a dropped request', () => {
    const sampler = samplerFromEnv({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' });
    const link = (traceFlags: TraceFlags) => [{ context: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags } }];
    expect(sampler.shouldSample(ROOT_CONTEXT, 'd'.repeat(32), 'outbox.relay', SpanKind.PRODUCER, {}, link(TraceFlags.SAMPLED)).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(sampler.shouldSample(ROOT_CONTEXT, 'd'.repeat(32), 'outbox.relay', SpanKind.PRODUCER, {}, link(TraceFlags.NONE)).decision).toBe(SamplingDecision.NOT_RECORD);
  });

  it('refuses an unknown sampler and a ratio outside 0..1, naming the variable', () => {
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: 'jaeger_remote' })).toThrow(/OTEL_TRACES_SAMPLER must be one of/);
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(/OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1/);
    expect(() => samplerFromEnv({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: 'ten' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });
});

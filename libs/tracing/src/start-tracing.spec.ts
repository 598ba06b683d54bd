import { trace } from '@opentelemetry/api';
import { startTracing } from './start-tracing';

describe('startTracing', () => {
  it('stays off, with no tracer registered, unless an OTLP endpoint is set', () => {
    expect(startTracing('gateway', {})).toBe(false);
    expect(trace.getTracer('any').startSpan('call').isRecording()).toBe(false);
  });
});

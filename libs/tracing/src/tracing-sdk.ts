import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { IncomingMessage } from 'node:http';
import { samplerFromEnv } from './sampler';

/**
 * The SDK proper: spans batched to an OTLP/HTTP (JSON) endpoint, which the
 * exporter reads from OTEL_EXPORTER_OTLP_ENDPOINT (and the batch settings from
 * OTEL_BSP_*), sampled as OTEL_TRACES_SAMPLER(_ARG) say (sampler.ts). W3C trace context, kept across awaits by AsyncLocalStorage.
 * In AWS a collector beside the app forwards the spans to X-Ray.
 */
export function registerTracing(service: string): () => Promise<void> {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    sampler: samplerFromEnv(),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: isProbe }),
      new ExpressInstrumentation(),
      new MySQL2Instrumentation(),
      new AwsInstrumentation(),
    ],
  });
  // Spans still batched go out before the app exits: the ordered shutdown awaits
  // this (flushTracing); a script that simply runs to its end sends them here.
  process.once('beforeExit', () => void provider.shutdown());
  return () => provider.shutdown();
}

/** Health probes poll every few seconds: a trace each would drown the real ones. */
function isProbe(request: IncomingMessage): boolean {
  return request.url?.startsWith('/health') ?? false;
}

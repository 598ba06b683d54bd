/**
 * Starts OpenTelemetry tracing for one app when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set; does nothing otherwise (the SDK is not even loaded). Call it before any
 * other module loads, so the http, express, mysql2 and AWS SDK modules are
 * patched as they are first required: each app's main.ts imports its
 * `tracing.ts` first.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  // Required here, not imported: an app without tracing pays neither the load time nor the memory.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { registerTracing } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  registerTracing(env.OTEL_SERVICE_NAME || service);
  return true;
}

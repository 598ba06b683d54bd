/** How long shutdown waits for the last spans to be sent before the process exits. */
export const TRACE_FLUSH_TIMEOUT_MS = 3000;

/** Set once tracing has started: sends what is batched and stops the SDK. */
let stopSdk: (() => Promise<void>) | undefined;

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
  stopSdk = registerTracing(env.OTEL_SERVICE_NAME || service);
  return true;
}

/**
 * Sends the spans still batched, for an app about to exit: the last requests
 * of a drain are the ones an operator looks for. Bounded, so an unreachable
 * collector cannot hold up the exit; at once when tracing is off.
 */
export async function flushTracing(timeoutMs = TRACE_FLUSH_TIMEOUT_MS): Promise<void> {
  if (!stopSdk) return;
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([stopSdk().catch(() => undefined), cap]);
  clearTimeout(timer);
}

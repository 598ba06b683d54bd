import { AppName } from './apps';

/** CloudWatch namespace of the apps' own metrics (the collector writes them as EMF). */
export const METRICS_NAMESPACE = 'finstack';

/**
 * Where each app serves /metrics inside its task: the gateway and notifications
 * on their HTTP port, the TCP services on METRICS_PORT (the defaults of
 * libs/config, which the stack does not change).
 */
export const METRICS_PORTS: Readonly<Record<AppName, number>> = {
  gateway: 3000,
  'trx-crud': 9101,
  classifier: 9102,
  report: 9103,
  portfolio: 9104,
  var: 9105,
  notifications: 3001,
};

/** The VaR job queue's name in its metrics (apps/var's VAR_JOB_QUEUE_NAME). */
export const VAR_JOB_QUEUE = 'var-runs';

/** The series the collector sends to CloudWatch, with the labels that become dimensions. */
export const EXPORTED_SERIES: ReadonlyArray<{ names: string[]; dimensions: string[] }> = [
  { names: ['finstack_outbox_pending_events', 'finstack_outbox_lag_seconds'], dimensions: ['app', 'table'] },
  // The last minute's p99, per route and per pattern (libs/metrics: CloudWatch keeps no percentiles of the histograms).
  { names: ['finstack_http_request_p99_seconds'], dimensions: ['app', 'method', 'route'] },
  { names: ['finstack_rpc_handling_p99_seconds'], dimensions: ['app', 'pattern'] },
  { names: ['finstack_job_queue_jobs'], dimensions: ['app', 'queue', 'state'] },
  { names: ['finstack_socketio_connected_sockets'], dimensions: ['app'] },
  { names: ['finstack_errors_total'], dimensions: ['app', 'code'] },
];

/**
 * The ADOT collector's configuration for one app's task (given in
 * AOT_CONFIG_CONTENT): traces in over OTLP and out to X-Ray as before, and the
 * app's Prometheus /metrics scraped every minute and written to CloudWatch as
 * embedded metric format (EMF) logs, which CloudWatch turns into metrics of
 * the `finstack` namespace. JSON is YAML, so the collector reads it as is.
 */
export function collectorConfig(app: AppName, metricsLogGroup: string): string {
  return JSON.stringify({
    extensions: { health_check: {} },
    receivers: {
      otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } } },
      prometheus: {
        config: {
          scrape_configs: [
            {
              job_name: `finstack-${app}`,
              scrape_interval: '60s',
              metrics_path: '/metrics',
              static_configs: [{ targets: [`localhost:${METRICS_PORTS[app]}`] }],
            },
          ],
        },
      },
    },
    processors: { 'batch/traces': { timeout: '1s', send_batch_size: 50 }, 'batch/metrics': { timeout: '60s' } },
    exporters: {
      awsxray: {},
      awsemf: {
        namespace: METRICS_NAMESPACE,
        log_group_name: metricsLogGroup,
        dimension_rollup_option: 'NoDimensionRollup',
        metric_declarations: EXPORTED_SERIES.map(({ names, dimensions }) => ({ dimensions: [dimensions], metric_name_selectors: names })),
      },
    },
    service: {
      extensions: ['health_check'],
      pipelines: {
        traces: { receivers: ['otlp'], processors: ['batch/traces'], exporters: ['awsxray'] },
        metrics: { receivers: ['prometheus'], processors: ['batch/metrics'], exporters: ['awsemf'] },
      },
    },
  });
}

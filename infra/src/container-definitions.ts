import * as pulumi from '@pulumi/pulumi';
import { APPS, AppName } from './apps';
import { AppEnvironment, valueFrom } from './app-environment';
import { collectorConfig } from './collector-config';

export const OTEL_CONTAINER = 'otel-collector';
/** The contract with docker/Dockerfile: exits 0 when the app (APP, its port variable) answers. */
export const APP_HEALTH_CHECK = ['CMD', 'node', 'dist/scripts/healthcheck.js'];

export interface ContainerSources {
  image: pulumi.Input<string>;
  /** The task's memory (MiB), which the app's heap is sized to. */
  taskMemoryMiB: number;
  otelCollectorImage: string;
  environment: AppEnvironment;
  logGroup: pulumi.Input<string>;
  /** Where the collector writes the app's metrics as EMF (one group per stack). */
  metricsLogGroup: string;
  region: pulumi.Input<string>;
}

/** The memory the collector reserves in every task. */
const COLLECTOR_MEMORY_MIB = 128;

/** V8's heap cap for the app: three quarters of what the collector leaves, the rest for buffers, code and native memory. */
export function heapMiB(taskMemoryMiB: number): number {
  return Math.floor(((taskMemoryMiB - COLLECTOR_MEMORY_MIB) * 3) / 4);
}

/**
 * The containers of one app's task: the app, with its health check, logs to
 * CloudWatch and secrets from Secrets Manager; and the OpenTelemetry collector
 * that sends its traces to X-Ray and scrapes its /metrics into CloudWatch
 * (collector-config.ts). The collector is not essential: losing traces or
 * metrics must not stop the app.
 */
export function containerDefinitions(name: AppName, sources: ContainerSources): pulumi.Output<string> {
  const app = APPS[name];
  const logs = (prefix: string) => ({
    logDriver: 'awslogs',
    options: { 'awslogs-group': sources.logGroup, 'awslogs-region': sources.region, 'awslogs-stream-prefix': prefix },
  });
  const portMappings = [
    ...(app.http ? [{ name: 'http', containerPort: app.http.port, protocol: 'tcp' }] : []),
    ...(app.tcp ? [{ name: 'rpc', containerPort: app.tcp.port, protocol: 'tcp' }] : []),
  ];
  const appContainer = {
    name,
    image: sources.image,
    essential: true,
    portMappings,
    environment: Object.entries({ ...sources.environment.variables, NODE_OPTIONS: `--max-old-space-size=${heapMiB(sources.taskMemoryMiB)} --max-semi-space-size=32` })
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([variable, value]) => ({ name: variable, value })),
    secrets: Object.entries(sources.environment.secrets)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([variable, reference]) => ({ name: variable, valueFrom: valueFrom(reference) })),
    healthCheck: { command: APP_HEALTH_CHECK, interval: 15, timeout: 5, retries: 3, startPeriod: 30 },
    logConfiguration: logs(name),
    dependsOn: [{ containerName: OTEL_CONTAINER, condition: 'START' }],
    linuxParameters: { initProcessEnabled: true },
    // Socket.IO and the TCP transport hold a descriptor per connection.
    ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
    stopTimeout: 30,
  };
  const collector = {
    name: OTEL_CONTAINER,
    image: sources.otelCollectorImage,
    essential: false,
    environment: [
      { name: 'AOT_CONFIG_CONTENT', value: collectorConfig(name, sources.metricsLogGroup) },
      { name: 'AWS_REGION', value: sources.region },
    ],
    cpu: 64,
    memoryReservation: COLLECTOR_MEMORY_MIB,
    healthCheck: { command: ['CMD', '/healthcheck'], interval: 15, timeout: 5, retries: 3, startPeriod: 10 },
    logConfiguration: logs(OTEL_CONTAINER),
  };
  return pulumi.jsonStringify([appContainer, collector]);
}

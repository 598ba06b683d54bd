import * as pulumi from '@pulumi/pulumi';
import { APP_NAMES, APPS, AppName } from './apps';
import { MailSettings, mailProblems } from './mail';

/**
 * How the gateway is deployed. `rolling`: ECS replaces tasks, the circuit breaker
 * rolls a failed deployment back. `blue-green` and `canary`: CodeDeploy starts a
 * replacement task set behind a test listener and shifts traffic all at once, or
 * 10 % for 5 minutes and then the rest, rolling back on alarms.
 */
export const GATEWAY_DEPLOYMENTS = ['rolling', 'blue-green', 'canary'] as const;
export type GatewayDeployment = (typeof GATEWAY_DEPLOYMENTS)[number];

export interface AppSettings {
  cpu: number;
  memory: number;
  minCapacity: number;
  maxCapacity: number;
}

export interface StackSettings {
  /** ACM certificate for HTTPS on the load balancer; required unless `allowInsecureHttp`. */
  certificateArn?: string;
  /** A stack without a certificate (plain HTTP) must say so: tokens and passwords would cross the internet readable. */
  allowInsecureHttp: boolean;
  /** AWS Private CA (short-lived mode suits) that issues Service Connect's TLS certificates; required unless `allowPlainServiceConnect`. */
  serviceConnectCaArn?: string;
  /** Calls between the tasks in plain TCP, for a throwaway stack without a Private CA. */
  allowPlainServiceConnect: boolean;
  gatewayDeployment: GatewayDeployment;
  /** Who may reach the CodeDeploy test listener (it serves the replacement before any user sees it). */
  testListenerCidrs: string[];
  apps: Record<AppName, AppSettings>;
  logRetentionDays: number;
  /** Share of traces kept where a request starts them (parent-based ratio sampling; calls follow their caller). */
  traceSampleRatio: number;
  dbInstanceClass: string;
  dbEngineVersion: string;
  dbAllocatedStorageGb: number;
  /** Deletion protection on the database and a final snapshot when it is deleted anyway. */
  protectData: boolean;
  redisNodeType: string;
  operatorEmails: string[];
  /** Who the alarm topic emails (each confirms the subscription once); the topic exists without them. */
  alarmEmails: string[];
  /** Optional key that may post quotes; stored in Secrets Manager. */
  quotesIngestApiKey?: pulumi.Output<string>;
  /** The gateway's mail through SES (verify the identity in SES first); unset, the gateway cannot mail (sign-up, log-in alerts). */
  mail?: MailSettings;
  /** Optional system-wide market-data provider key (Finnhub); stored in Secrets Manager, given to the portfolio service. */
  marketDataApiKey?: pulumi.Output<string>;
  /** ES256 private key (PEM); generated when not given. */
  jwtPrivateKey?: pulumi.Output<string>;
  /** During a rotation: the public key of the signing key before, still accepted until its tokens expire. */
  jwtPreviousPublicKey?: string;
  otelCollectorImage: string;
  /** Target of the gateway's ALBRequestCountPerTarget scaling policy. */
  gatewayRequestsPerTarget: number;
  /** Target of the var service's queue-backlog scaling policy: VaR jobs waiting per running task. */
  varJobsPerTask: number;
  /** Gateway alarms that stop a CodeDeploy deployment and roll it back. */
  rollbackAlarms: { http5xxPercent: number; p99LatencyMs: number };
}

/** Retention periods CloudWatch Logs accepts. */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Fargate's CPU units and, for each, the memory sizes (MiB) it may have. */
const FARGATE_MEMORY: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: steps(1024, 4096, 1024),
  1024: steps(2048, 8192, 1024),
  2048: steps(4096, 16384, 1024),
  4096: steps(8192, 30720, 1024),
  8192: steps(16384, 61440, 4096),
  16384: steps(32768, 122880, 8192),
};

function steps(min: number, max: number, step: number): number[] {
  return Array.from({ length: (max - min) / step + 1 }, (_, i) => min + i * step);
}

export const DEFAULT_MIN_CAPACITY = 1;
export const DEFAULT_MAX_CAPACITY = 10;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid stack configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

type AppOverrides = Partial<Record<AppName, Partial<AppSettings>>>;

/**
 * The stack's settings from Pulumi config (namespace `finstack`), with the
 * defaults filled in. Every bad value is named at once, before anything is created.
 */
export function readSettings(config: pulumi.Config = new pulumi.Config()): StackSettings {
  const problems: string[] = [];
  const gatewayDeployment = (config.get('gatewayDeployment') ?? 'rolling') as GatewayDeployment;
  if (!GATEWAY_DEPLOYMENTS.includes(gatewayDeployment)) {
    problems.push(`gatewayDeployment must be one of ${GATEWAY_DEPLOYMENTS.join(', ')}, not "${gatewayDeployment}"`);
  }
  const minCapacity = config.getNumber('minCapacity') ?? DEFAULT_MIN_CAPACITY;
  const maxCapacity = config.getNumber('maxCapacity') ?? DEFAULT_MAX_CAPACITY;
  const overrides = config.getObject<AppOverrides>('apps') ?? {};
  for (const name of Object.keys(overrides)) {
    if (!(APP_NAMES as readonly string[]).includes(name)) problems.push(`apps.${name}: no such app (${APP_NAMES.join(', ')})`);
  }
  const apps = Object.fromEntries(
    APP_NAMES.map((name) => {
      // `pulumi config set --path apps.var.cpu 4096` may store the number as a string.
      const given = Object.fromEntries(Object.entries(overrides[name] ?? {}).map(([key, value]) => [key, Number(value)]));
      const app: AppSettings = { ...APPS[name].size, minCapacity, maxCapacity, ...given };
      problems.push(...checkApp(name, app));
      return [name, app];
    }),
  ) as Record<AppName, AppSettings>;

  const logRetentionDays = config.getNumber('logRetentionDays') ?? 30;
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    problems.push(`logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
  const certificateArn = config.get('certificateArn');
  if (certificateArn !== undefined && !/^arn:aws[a-z-]*:acm:/.test(certificateArn)) {
    problems.push('certificateArn must be an ACM certificate ARN');
  }
  const allowInsecureHttp = config.getBoolean('allowInsecureHttp') ?? false;
  if (certificateArn === undefined && !allowInsecureHttp) {
    problems.push(
      'certificateArn is required: the load balancer serves HTTPS. For a throwaway stack on plain HTTP, set allowInsecureHttp: true',
    );
  }
  const serviceConnectCaArn = config.get('serviceConnectCaArn');
  const allowPlainServiceConnect = config.getBoolean('allowPlainServiceConnect') ?? false;
  if (serviceConnectCaArn !== undefined && !/^arn:aws[a-z-]*:acm-pca:/.test(serviceConnectCaArn)) {
    problems.push('serviceConnectCaArn must be an AWS Private CA ARN (arn:aws:acm-pca:…)');
  }
  if (serviceConnectCaArn === undefined && !allowPlainServiceConnect) {
    problems.push(
      'serviceConnectCaArn is required: calls between the services are TLS, with certificates from an AWS Private CA. ' +
        'For a throwaway stack with plain calls, set allowPlainServiceConnect: true',
    );
  }
  const testListenerCidrs = config.getObject<string[]>('testListenerCidrs') ?? [];
  for (const cidr of testListenerCidrs) {
    if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr)) problems.push(`testListenerCidrs: "${cidr}" is not an IPv4 CIDR`);
  }
  const operatorEmails = (config.get('operatorEmails') ?? '')
    .split(',')
    .map((email) => email.trim())
    .filter((email) => email.length > 0);
  const alarmEmails = (config.get('alarmEmails') ?? '')
    .split(',')
    .map((email) => email.trim())
    .filter((email) => email.length > 0);
  for (const email of alarmEmails) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) problems.push(`alarmEmails: "${email}" is not an email address`);
  }
  for (const email of operatorEmails) {
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) problems.push(`operatorEmails: "${email}" is not an email address`);
  }
  const http5xxPercent = config.getNumber('rollback5xxPercent') ?? 5;
  const p99LatencyMs = config.getNumber('rollbackP99LatencyMs') ?? 1000;
  if (!(http5xxPercent > 0 && http5xxPercent <= 100)) problems.push('rollback5xxPercent must be above 0 and at most 100');
  if (!(p99LatencyMs > 0)) problems.push('rollbackP99LatencyMs must be above 0');
  const gatewayRequestsPerTarget = config.getNumber('gatewayRequestsPerTarget') ?? 1000;
  if (!(gatewayRequestsPerTarget > 0)) problems.push('gatewayRequestsPerTarget must be above 0');
  const varJobsPerTask = config.getNumber('varJobsPerTask') ?? 2;
  if (!(varJobsPerTask > 0)) problems.push('varJobsPerTask must be above 0');
  const traceSampleRatio = config.getNumber('traceSampleRatio') ?? 0.1;
  if (!(traceSampleRatio >= 0 && traceSampleRatio <= 1)) problems.push('traceSampleRatio must be a ratio from 0 to 1');
  const dbAllocatedStorageGb = config.getNumber('dbAllocatedStorageGb') ?? 20;
  if (!(dbAllocatedStorageGb >= 20)) problems.push('dbAllocatedStorageGb must be at least 20');

  const mailFrom = config.get('mailFrom');
  const mail = mailFrom ? { from: mailFrom, identity: config.get('mailIdentity') ?? mailFrom.split('@')[1] ?? '' } : undefined;
  if (mail) problems.push(...mailProblems(mail));
  else if (config.get('mailIdentity')) problems.push('mailIdentity needs mailFrom, the address the gateway sends from');

  if (problems.length > 0) throw new SettingsError(problems);
  if (!mail) pulumi.log.warn('mailFrom is not set: the gateway will not be able to send mail (address verification, log-in alerts)');
  return {
    certificateArn,
    allowInsecureHttp,
    serviceConnectCaArn,
    allowPlainServiceConnect,
    gatewayDeployment,
    testListenerCidrs,
    apps,
    logRetentionDays,
    traceSampleRatio,
    dbInstanceClass: config.get('dbInstanceClass') ?? 'db.t4g.medium',
    dbEngineVersion: config.get('dbEngineVersion') ?? '8.4',
    dbAllocatedStorageGb,
    protectData: config.getBoolean('protectData') ?? true,
    redisNodeType: config.get('redisNodeType') ?? 'cache.t4g.small',
    operatorEmails,
    alarmEmails,
    quotesIngestApiKey: config.getSecret('quotesIngestApiKey'),
    jwtPrivateKey: config.getSecret('jwtPrivateKey'),
    jwtPreviousPublicKey: config.get('jwtPreviousPublicKey'),
    marketDataApiKey: config.getSecret('marketDataApiKey'),
    mail,
    otelCollectorImage: config.get('otelCollectorImage') ?? 'public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3',
    gatewayRequestsPerTarget,
    varJobsPerTask,
    rollbackAlarms: { http5xxPercent, p99LatencyMs },
  };
}

function checkApp(name: AppName, app: AppSettings): string[] {
  const problems: string[] = [];
  const memory = FARGATE_MEMORY[app.cpu];
  if (!memory) {
    problems.push(`apps.${name}.cpu must be one of ${Object.keys(FARGATE_MEMORY).join(', ')} (Fargate CPU units)`);
  } else if (!memory.includes(app.memory)) {
    problems.push(`apps.${name}.memory: ${app.cpu} CPU units take ${memory[0]}–${memory[memory.length - 1]} MiB (${app.memory} is not one of them)`);
  }
  if (!Number.isInteger(app.minCapacity) || app.minCapacity < 1) problems.push(`${name}: minCapacity must be a whole number ≥ 1`);
  if (!Number.isInteger(app.maxCapacity) || app.maxCapacity < app.minCapacity) {
    problems.push(`${name}: maxCapacity must be a whole number ≥ minCapacity`);
  }
  return problems;
}

export function usesCodeDeploy(settings: StackSettings): boolean {
  return settings.gatewayDeployment !== 'rolling';
}

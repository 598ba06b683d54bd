/**
 * The apps of finstack as the deployment sees them: what each listens on, which
 * schema it owns and which services it calls. One table, so that ports, security
 * group rules, Service Connect names and environment variables cannot disagree.
 */

export const APP_NAMES = ['gateway', 'trx-crud', 'classifier', 'report', 'portfolio', 'var', 'notifications'] as const;
export type AppName = (typeof APP_NAMES)[number];

/** A TCP service reached by name over Service Connect (NestJS TCP transport). */
export interface TcpEndpoint {
  port: number;
  /** The variables an app reads for where this service listens / is reached. */
  hostVariable: string;
  portVariable: string;
}

/** An HTTP port the load balancer forwards to. */
export interface HttpEndpoint {
  port: number;
  hostVariable: string;
  portVariable: string;
  /** Path the load balancer's target group probes. */
  healthPath: string;
}

export interface AppSpec {
  name: AppName;
  http?: HttpEndpoint;
  tcp?: TcpEndpoint;
  /** The MySQL schema the app owns; none for the stateless ones. */
  schema?: string;
  /** The TCP services it calls (the outbox relays of producers call notifications). */
  calls: AppName[];
  /** Whether it connects to Redis (REDIS_URL): shared rate limits, the Socket.IO adapter, the VaR queue. */
  redis?: true;
  /** Fargate task size (CPU units, MiB) unless the stack configures another. */
  size: { cpu: number; memory: number };
}

export const APPS: Readonly<Record<AppName, AppSpec>> = {
  gateway: {
    name: 'gateway',
    // Liveness, not /health/ready: ECS replaces targets that fail the load balancer's
    // check, and a database or service outage must not make it kill every gateway.
    http: { port: 3000, hostVariable: 'HTTP_HOST', portVariable: 'PORT', healthPath: '/health' },
    schema: 'identity',
    calls: ['trx-crud', 'classifier', 'report', 'portfolio', 'var', 'notifications'],
    redis: true,
    size: { cpu: 512, memory: 1024 },
  },
  'trx-crud': {
    name: 'trx-crud',
    tcp: { port: 4001, hostVariable: 'TRX_CRUD_HOST', portVariable: 'TRX_CRUD_PORT' },
    schema: 'ledger',
    calls: ['classifier', 'notifications'],
    size: { cpu: 512, memory: 1024 },
  },
  classifier: {
    name: 'classifier',
    tcp: { port: 4002, hostVariable: 'CLASSIFIER_HOST', portVariable: 'CLASSIFIER_PORT' },
    schema: 'classifier',
    calls: ['trx-crud'],
    size: { cpu: 512, memory: 1024 },
  },
  report: {
    name: 'report',
    tcp: { port: 4003, hostVariable: 'REPORT_HOST', portVariable: 'REPORT_PORT' },
    calls: ['trx-crud'],
    size: { cpu: 256, memory: 512 },
  },
  portfolio: {
    name: 'portfolio',
    tcp: { port: 4004, hostVariable: 'PORTFOLIO_HOST', portVariable: 'PORTFOLIO_PORT' },
    schema: 'portfolio',
    // var: the stored histories' last closes, for holdings without a live quote.
    calls: ['var', 'notifications'],
    size: { cpu: 256, memory: 512 },
  },
  var: {
    name: 'var',
    tcp: { port: 4005, hostVariable: 'VAR_HOST', portVariable: 'VAR_PORT' },
    schema: 'var',
    calls: ['portfolio', 'notifications'],
    redis: true,
    // Monte-Carlo shards run on worker threads: two vCPUs.
    size: { cpu: 2048, memory: 4096 },
  },
  notifications: {
    name: 'notifications',
    http: { port: 3001, hostVariable: 'HTTP_HOST', portVariable: 'NOTIFICATIONS_PORT', healthPath: '/health' },
    tcp: { port: 4006, hostVariable: 'NOTIFICATIONS_HOST', portVariable: 'NOTIFICATIONS_TCP_PORT' },
    calls: ['portfolio'],
    redis: true,
    // A fan-out is CPU per socket and each socket holds 15–18 KB: sized for 10,000 clients a replica.
    size: { cpu: 1024, memory: 2048 },
  },
};

export function appSpecs(): AppSpec[] {
  return APP_NAMES.map((name) => APPS[name]);
}

/** The apps that call `name` over TCP: the only ones its security group lets in. */
export function callersOf(name: AppName): AppName[] {
  return APP_NAMES.filter((caller) => APPS[caller].calls.includes(name));
}

export function tcpPortOf(name: AppName): number {
  const tcp = APPS[name].tcp;
  if (!tcp) throw new Error(`${name} takes no TCP calls`);
  return tcp.port;
}

/**
 * `node dist/scripts/healthcheck.js`: the container health check of the app
 * named by APP (Dockerfile HEALTHCHECK, compose, ECS). The gateway and
 * notifications must answer GET /health with 200; the TCP services must
 * accept a connection on their port. Exits 0 when healthy, 1 otherwise,
 * within TIMEOUT_MS. Only Node itself is loaded: it runs every few seconds.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

const TIMEOUT_MS = 3000;

type Probe = { kind: 'http'; hostVar: string; portVar: string; defaultPort: number; path: string } | { kind: 'tcp'; hostVar: string; portVar: string; defaultPort: number };

/** Where each app listens: the settings and defaults of README "Configuration". */
export const PROBES: Record<string, Probe> = {
  gateway: { kind: 'http', hostVar: 'HTTP_HOST', portVar: 'PORT', defaultPort: 3000, path: '/health' },
  notifications: { kind: 'http', hostVar: 'HTTP_HOST', portVar: 'NOTIFICATIONS_PORT', defaultPort: 3001, path: '/health' },
  'trx-crud': { kind: 'tcp', hostVar: 'TRX_CRUD_HOST', portVar: 'TRX_CRUD_PORT', defaultPort: 4001 },
  classifier: { kind: 'tcp', hostVar: 'CLASSIFIER_HOST', portVar: 'CLASSIFIER_PORT', defaultPort: 4002 },
  report: { kind: 'tcp', hostVar: 'REPORT_HOST', portVar: 'REPORT_PORT', defaultPort: 4003 },
  portfolio: { kind: 'tcp', hostVar: 'PORTFOLIO_HOST', portVar: 'PORTFOLIO_PORT', defaultPort: 4004 },
  var: { kind: 'tcp', hostVar: 'VAR_HOST', portVar: 'VAR_PORT', defaultPort: 4005 },
};

/** An app bound to every interface is reached on loopback. */
function reachableHost(bound: string | undefined): string {
  if (!bound || bound === '0.0.0.0') return '127.0.0.1';
  if (bound === '::' || bound === '[::]') return '::1';
  return bound.replace(/^\[(.*)\]$/, '$1');
}

function httpOk(host: string, port: number, path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request({ host, port, path, method: 'GET', timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? undefined : `GET ${path} answered ${res.statusCode}`);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', (error) => resolve(`GET ${path}: ${error.message}`));
    req.end();
  });
}

function tcpOpen(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => socket.destroy(new Error(`no connection within ${TIMEOUT_MS} ms`)));
    socket.once('error', (error) => resolve(`connect: ${error.message}`));
  });
}

/** Undefined when healthy, otherwise what is wrong. */
export async function checkHealth(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const app = env.APP ?? '';
  const probe = PROBES[app];
  if (!probe) return `APP must be one of ${Object.keys(PROBES).join(', ')}, not "${app}"`;
  const host = reachableHost(env[probe.hostVar]);
  const port = Number(env[probe.portVar] || probe.defaultPort);
  const problem = probe.kind === 'http' ? await httpOk(host, port, probe.path) : await tcpOpen(host, port);
  return problem && `${app} unhealthy at ${host}:${port}: ${problem}`;
}

if (require.main === module) {
  void checkHealth(process.env).then((problem) => {
    if (problem) console.error(problem);
    process.exit(problem ? 1 : 0);
  });
}

import { loadEnv } from '@finstack/config';
import { createServer as createHttpServer, Server as HttpServer } from 'node:http';
import { AddressInfo, createServer as createTcpServer, Server } from 'node:net';
import { GatewayEnv } from '../apps/gateway/src/gateway-env';
import { NotificationsEnv } from '../apps/notifications/src/notifications-env';
import { checkHealth, PROBES } from './healthcheck';

async function listening<T extends Server | HttpServer>(server: T): Promise<T> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const portOf = (server: Server | HttpServer) => (server.address() as AddressInfo).port;
const close = (server: Server | HttpServer) => new Promise((resolve) => server.close(resolve));

/** A port nothing listens on: one that was just free. */
async function closedPort(): Promise<number> {
  const server = await listening(createTcpServer());
  const port = portOf(server);
  await close(server);
  return port;
}

describe('container health check', () => {
  it('passes for the gateway when GET /health answers 200 on HTTP_HOST:PORT, and fails on any other status', async () => {
    let status = 200;
    const paths: string[] = [];
    const server = await listening(
      createHttpServer((req, res) => {
        paths.push(req.url ?? '');
        res.writeHead(status).end();
      }),
    );
    try {
      const env = { APP: 'gateway', HTTP_HOST: '0.0.0.0', PORT: String(portOf(server)) };
      expect(await checkHealth(env)).toBeUndefined();
      status = 503;
      expect(await checkHealth(env)).toBe(`gateway unhealthy at 127.0.0.1:${portOf(server)}: GET /health answered 503`);
      expect(paths).toEqual(['/health', '/health']);
    } finally {
      await close(server);
    }
  });

  it('probes notifications over HTTP on NOTIFICATIONS_PORT, not the gateway PORT', async () => {
    const server = await listening(createHttpServer((_req, res) => res.writeHead(200).end()));
    try {
      expect(await checkHealth({ APP: 'notifications', NOTIFICATIONS_PORT: String(portOf(server)), PORT: '1' })).toBeUndefined();
    } finally {
      await close(server);
    }
  });

  it('passes for a TCP service that accepts a connection on its *_HOST and *_PORT, and fails when nothing listens', async () => {
    const server = await listening(createTcpServer((socket) => socket.destroy()));
    try {
      expect(await checkHealth({ APP: 'trx-crud', TRX_CRUD_HOST: '127.0.0.1', TRX_CRUD_PORT: String(portOf(server)) })).toBeUndefined();
    } finally {
      await close(server);
    }
    const port = await closedPort();
    expect(await checkHealth({ APP: 'var', VAR_HOST: '0.0.0.0', VAR_PORT: String(port) })).toMatch(
      new RegExp(`^var unhealthy at 127\\.0\\.0\\.1:${port}: connect: .*ECONNREFUSED`),
    );
  });

  it('refuses an unknown or missing APP, naming the apps it knows', async () => {
    expect(await checkHealth({ APP: 'billing' })).toBe(
      'APP must be one of gateway, notifications, trx-crud, classifier, report, portfolio, var, not "billing"',
    );
    expect(await checkHealth({})).toMatch(/^APP must be one of/);
  });

  it('uses the same default ports as the apps themselves', () => {
    const gateway = loadEnv(GatewayEnv, {});
    const notifications = loadEnv(NotificationsEnv, {});
    const defaults: Record<string, number> = { ...gateway, NOTIFICATIONS_PORT: notifications.NOTIFICATIONS_PORT } as never;
    for (const [app, probe] of Object.entries(PROBES)) {
      expect([app, probe.defaultPort]).toEqual([app, defaults[probe.portVar]]);
    }
  });
});

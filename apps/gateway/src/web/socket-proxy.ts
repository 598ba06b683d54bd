import { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';

/**
 * Sends `/socket.io` (long-polling and WebSocket upgrades) to the notifications
 * app, so the console reaches its pushes on the gateway's own origin, as it
 * does behind the ALB in AWS. Used in embedded mode and compose (NOTIFICATIONS_URL).
 */
export function proxySocketIo(app: NestExpressApplication, target: string): void {
  const proxy = createProxyMiddleware({
    target,
    ws: true,
    // Mounted at the root with a filter: mounted under a path, Express would strip /socket.io from the forwarded URL.
    pathFilter: '/socket.io',
    xfwd: true,
    on: {
      error: (_error, _req, res) => {
        // A notifications app that is down: 503 for polling; an upgrade's socket is simply closed.
        if ('writeHead' in res && !res.headersSent) {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'pushes are unavailable; retrying' }));
        } else if ('destroy' in res) {
          res.destroy();
        }
      },
    },
  });
  app.use(proxy);
  (app.getHttpServer() as Server).on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/socket.io')) proxy.upgrade(req, socket as import('node:net').Socket, head);
  });
}

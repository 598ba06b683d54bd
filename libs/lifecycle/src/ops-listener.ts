import { AppMetrics } from '@finstack/metrics';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppHealth, HealthReport } from './app-health';

/**
 * A small HTTP listener beside a TCP service, for Prometheus and probes:
 * GET /metrics, GET /health (liveness), GET /health/ready (readiness). It
 * stays up while the service drains, so readiness is seen failing, and
 * closes last.
 */
export class OpsListener {
  private server?: Server;

  constructor(
    private readonly metrics: AppMetrics,
    private readonly health: AppHealth,
  ) {}

  async listen(port: number, host: string): Promise<number> {
    const server = createServer((req, res) => {
      this.answer(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`internal error: ${(error as Error).message}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const address = server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    if (req.method !== 'GET') return plain(res, 405, 'method not allowed');
    if (path === '/metrics') {
      const { contentType, body } = await this.metrics.scrape();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
      return;
    }
    if (path === '/health') return json(res, await this.health.liveness());
    if (path === '/health/ready') return json(res, await this.health.readiness());
    return plain(res, 404, 'not found: GET /metrics, /health or /health/ready');
  }
}

function json(res: ServerResponse, report: HealthReport): void {
  res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify(report.body));
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

import { ApiClient, backendFromEnv, newSession, Stack, startStack } from '@finstack/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';

const backend = backendFromEnv();
const ALLOWED = 'http://console.example.test';
const UNLISTED = 'http://evil.example.test';

describe(`the API contract on a running stack (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'contract', commonEnv: { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` } });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(() => stack?.stop());

  it('serves exactly the committed docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const served = await api.get('/docs-json');
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));
    expect(served.body).toEqual(committed);
  });

  describe('CORS', () => {
    it('answers a preflight from a listed origin, allowing the headers a front end sends', async () => {
      const preflight = await fetch(`${stack.baseUrl}/api/v1/transactions`, {
        method: 'OPTIONS',
        headers: { Origin: ALLOWED, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key,x-request-id' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(
        expect.stringContaining('idempotency-key'),
      );
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-request-id');
    });

    it('lets a listed origin read the answer and its X-Request-Id and Location', async () => {
      const user = await newSession(api, 'cors');
      const created = await fetch(`${stack.baseUrl}/api/v1/transactions`, {
        headers: { Origin: ALLOWED, Authorization: `Bearer ${user.accessToken}` },
      });
      expect(created.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      const exposed = created.headers.get('access-control-expose-headers')?.toLowerCase() ?? '';
      expect(exposed).toContain('x-request-id');
      expect(exposed).toContain('location');
    });

    it('gives an unlisted origin no CORS headers, so its page cannot read anything', async () => {
      const preflight = await fetch(`${stack.baseUrl}/api/v1/transactions`, {
        method: 'OPTIONS',
        headers: { Origin: UNLISTED, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const read = await fetch(`${stack.baseUrl}/api/v1/transactions`, { headers: { Origin: UNLISTED } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
    });

    const connectFrom = (origin: string, token: string) =>
      new Promise<'connected' | string>((resolve) => {
        const socket = io(stack.notificationsUrl, {
          path: '/socket.io',
          transports: ['polling'],
          extraHeaders: { Origin: origin },
          auth: { token },
          reconnection: false,
          timeout: 5_000,
        });
        socket.on('connect', () => {
          socket.close();
          resolve('connected');
        });
        socket.on('connect_error', (error) => {
          socket.close();
          resolve(error.message);
        });
      });

    it('lets a Socket.IO client over polling connect from a listed origin, and refuses an unlisted one', async () => {
      const user = await newSession(api, 'cors-socket');
      expect(await connectFrom(ALLOWED, user.accessToken)).toBe('connected');
      expect(await connectFrom(UNLISTED, user.accessToken)).not.toBe('connected');
    });
  });

  describe('headers and routing', () => {
    it('sends nosniff, forbids framing and keeps auth answers out of every cache', async () => {
      const login = await api.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'not the password' });
      expect(login.headers.get('x-content-type-options')).toBe('nosniff');
      expect(login.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(login.headers.get('cache-control')).toBe('no-store');
    });

    it('still serves Swagger UI under that policy (its script comes from this origin)', async () => {
      const ui = await fetch(`${stack.baseUrl}/docs`);
      expect(ui.status).toBe(200);
      const html = await ui.text();
      expect(html).not.toMatch(/<script>[^<]/); // no inline script the policy would block
      expect(ui.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('routes case-sensitively: /METRICS and /Metrics are not the metrics the load balancer refuses as /metrics', async () => {
      const metrics = await api.get('/metrics');
      expect(String(metrics.body)).toContain('# HELP');
      for (const path of ['/METRICS', '/Metrics', '/mEtRiCs']) {
        const answer = await api.get(path);
        // A 404, or the console's page where it is built (unknown paths fall back to it): never the metrics.
        expect({ path, metrics: String(answer.body).includes('# HELP'), status: [200, 404].includes(answer.status) }).toEqual({
          path,
          metrics: false,
          status: true,
        });
        expect(answer.headers.get('content-type')).not.toMatch(/text\/plain/);
      }
    });
  });
});

import { createServer, Server, Socket } from 'node:net';
import { ApiClient, backendFromEnv, freePort, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

describe(`when trx-crud is down (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'outage' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
  });
  afterAll(() => stack?.stop());

  const listStatus = async () => (await api.get('/api/v1/transactions', { token: user.accessToken })).status;

  it('reports ready while every dependency answers', async () => {
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', checks: { database: 'up', ledger: 'up' } });
  });

  it('answers 503 SERVICE_UNAVAILABLE quickly, and recovers once trx-crud is back', async () => {
    expect(await listStatus()).toBe(200);
    await stack.trxCrud!.kill();

    const began = Date.now();
    const down = await api.get('/api/v1/transactions', { token: user.accessToken });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(Date.now() - began).toBeLessThan(1000);
    const write = await api.post(
      '/api/v1/transactions',
      { occurredOn: '2025-01-01', amount: '-1.00', currency: 'EUR', description: 'during outage' },
      { token: user.accessToken },
    );
    expect(write.status).toBe(503);

    const notReady = await api.get('/health/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ checks: { ledger: 'down' } });
    expect((await api.get('/health')).status).toBe(200); // the gateway itself is alive

    await stack.trxCrud!.start();
    expect(await listStatus()).toBe(200);
    const list = await api.get<{ items: Array<{ description: string }> }>('/api/v1/transactions', { token: user.accessToken });
    expect(list.body.items.map((t) => t.description)).not.toContain('during outage');
  });
});

describe(`when trx-crud does not answer (${backend})`, () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let stack: Stack;
  let api: ApiClient;

  beforeAll(async () => {
    // Accepts connections and reads requests, but never replies: a hung service.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => undefined);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    stack = await startStack({ backend, name: 'hang', ledgerPort: port, gatewayEnv: { RPC_TIMEOUT_MS: '400' } });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(async () => {
    await stack?.stop();
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers 504 UPSTREAM_TIMEOUT after the configured timeout instead of hanging', async () => {
    const user = await newSession(api); // accounts live in the gateway, so log-in still works
    const began = Date.now();
    const response = await api.get('/api/v1/transactions', { token: user.accessToken });
    const elapsed = Date.now() - began;
    expect(response.status).toBe(504);
    expect(response.body).toMatchObject({ statusCode: 504, code: 'UPSTREAM_TIMEOUT' });
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(3000);
  });
});

import { LEDGER, NOTIFICATIONS } from '@finstack/contracts';
import { ApiClient, backendFromEnv, newSession, Sample, sampleValue, scrapeMetrics, Session, Stack, startStack, waitUntil } from '@finstack/testing';
import { v7 as uuidv7 } from 'uuid';
import { connect } from '../notifications/notifications-test-helpers';

const backend = backendFromEnv();

const HTTP = 'finstack_http_request_duration_seconds_count';
const RPC = 'finstack_rpc_handling_duration_seconds_count';
const ERRORS = 'finstack_errors_total';

describe(`metrics and health of every app (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'metrics' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
  });
  afterAll(() => stack?.stop());

  const createTransaction = (description: string) =>
    api.post('/api/v1/transactions', { occurredOn: '2025-03-01', amount: '-4.20', currency: 'EUR', description }, { token: user.accessToken });

  it('times each request by route template and status, and counts error codes, at the gateway and in the ledger', async () => {
    expect((await createTransaction('coffee')).status).toBe(201);
    const missing = await api.get(`/api/v1/transactions/${uuidv7()}`, { token: user.accessToken });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('TRANSACTION_NOT_FOUND');
    expect((await api.get('/no/such/route')).status).toBe(404);

    const gateway = await scrapeMetrics(stack.baseUrl);
    expect(sampleValue(gateway, HTTP, { app: 'gateway', method: 'POST', route: '/api/v1/transactions', status: '201' })).toBe(1);
    expect(sampleValue(gateway, HTTP, { method: 'GET', route: '/api/v1/transactions/:id', status: '404' })).toBe(1);
    expect(sampleValue(gateway, HTTP, { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(sampleValue(gateway, ERRORS, { code: 'TRANSACTION_NOT_FOUND', transport: 'http' })).toBe(1);
    expect(sampleValue(gateway, ERRORS, { code: 'ROUTE_NOT_FOUND', transport: 'http' })).toBe(1);
    // No raw URL becomes a label: the id of the missing transaction appears nowhere.
    expect(gateway.some((sample) => Object.values(sample.labels).some((value) => value.includes('/no/such')))).toBe(false);
    expect(sampleValue(gateway, 'process_cpu_user_seconds_total', { app: 'gateway' })).toBeGreaterThan(0);

    const ledger = await scrapeMetrics(stack.opsUrls.trxCrud!);
    expect(sampleValue(ledger, RPC, { app: 'trx-crud', pattern: LEDGER.createTransaction, outcome: 'ok' })).toBe(1);
    expect(sampleValue(ledger, RPC, { pattern: LEDGER.getTransaction, outcome: 'error' })).toBe(1);
    expect(sampleValue(ledger, ERRORS, { code: 'TRANSACTION_NOT_FOUND', transport: 'rpc' })).toBe(1);
  });

  it('counts connected sockets on notifications, and the events it takes in over TCP', async () => {
    const socketCount = async () => sampleValue(await scrapeMetrics(stack.notificationsUrl), 'finstack_socketio_connected_sockets');
    expect(await socketCount()).toBe(0);
    const listener = await connect(stack.notificationsUrl, user.accessToken);
    try {
      expect(await socketCount()).toBe(1);
      expect((await createTransaction('pushed')).status).toBe(201);
      await listener.waitFor((event) => event.type === 'transaction.created');
      const notifications = await scrapeMetrics(stack.notificationsUrl);
      expect(sampleValue(notifications, RPC, { app: 'notifications', pattern: NOTIFICATIONS.deliver, outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    } finally {
      listener.close();
    }
    await waitUntil('the socket gauge to drop', async () => (await socketCount()) === 0, 5_000);
  });

  it('shows the outbox backlog and its lag while notifications is down, and both back at zero once it returns', async () => {
    const backlog = async () => {
      const ledger: Sample[] = await scrapeMetrics(stack.opsUrls.trxCrud!);
      return {
        pending: sampleValue(ledger, 'finstack_outbox_pending_events', { table: 'ledger_outbox' }),
        lag: sampleValue(ledger, 'finstack_outbox_lag_seconds', { table: 'ledger_outbox' }),
      };
    };
    expect(await backlog()).toEqual({ pending: 0, lag: 0 });
    await stack.notifications.stop();
    try {
      expect((await createTransaction('while notifications is down')).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const waiting = await backlog();
      expect(waiting.pending).toBe(1);
      expect(waiting.lag).toBeGreaterThanOrEqual(1);
    } finally {
      await stack.notifications.start();
    }
    await waitUntil('the outbox to drain', async () => (await backlog()).pending === 0, 15_000);
    expect((await backlog()).lag).toBe(0);
  });

  it('answers liveness and readiness through terminus on every app', async () => {
    const ready = await api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { accepting: 'up', database: 'up', ledger: 'up', classifier: 'up', report: 'up', portfolio: 'up', var: 'up' },
    });
    expect(await api.get('/health')).toMatchObject({ status: 200, body: { status: 'ok', checks: { eventLoop: 'up' } } });

    const ledgerReady = await fetch(`${stack.opsUrls.trxCrud}/health/ready`);
    expect(ledgerReady.status).toBe(200);
    expect(await ledgerReady.json()).toMatchObject({ checks: { accepting: 'up', database: 'up' } });
    // The report service keeps no database: readiness does not ask for one.
    const reportReady = (await (await fetch(`${stack.opsUrls.report}/health/ready`)).json()) as { checks: Record<string, string> };
    expect(reportReady.checks).toEqual({ accepting: 'up' });
    for (const url of [stack.opsUrls.classifier, stack.opsUrls.portfolio, stack.opsUrls.var, stack.notificationsUrl]) {
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      expect((await fetch(`${url}/health`)).status).toBe(200);
    }
    expect((await fetch(`${stack.opsUrls.report}/anything-else`)).status).toBe(404);
  });
});

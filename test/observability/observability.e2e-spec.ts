import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack, verifyByMail, waitUntil } from '@finstack/testing';
import { randomUUID } from 'node:crypto';
import { OtlpReceiver, ReceivedSpan, SPAN_KIND } from './otlp-receiver';

const backend = backendFromEnv();

type LogLine = Record<string, unknown>;

describe(`logs and traces across the apps (${backend})`, () => {
  const receiver = new OtlpReceiver();
  /** Every app's whole output, for what must never be written anywhere. */
  const output = new Map<string, string>();
  let stack: Stack;
  let api: ApiClient;
  let alice: Session;

  beforeAll(async () => {
    const collector = await receiver.start();
    stack = await startStack({
      backend,
      name: 'observability',
      commonEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: collector, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'debug', LOG_FORMAT: 'json' },
      output: (app, chunk) => output.set(app, (output.get(app) ?? '') + chunk),
    });
    api = new ApiClient(stack.baseUrl);
    alice = await newSession(api, 'alice');
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
  });

  const logLines = (app: string): LogLine[] =>
    (output.get(app) ?? '')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  const createTransaction = (headers: Record<string, string> = {}) =>
    api.post<{ id: string }>(
      '/api/v1/transactions?autoCategorize=false',
      { occurredOn: '2025-03-14', amount: '-12.30', currency: 'EUR', description: 'Coffee beans' },
      { token: alice.accessToken, headers },
    );

  it('follows one new transaction in one trace: gateway HTTP, the TCP hop on both sides, and its SQL', async () => {
    const created = await createTransaction();
    expect(created.status).toBe(201);

    // Named as X-Ray shows it: method and route.
    const isRequest = (span: ReceivedSpan) =>
      span.service === 'gateway' && span.kind === SPAN_KIND.server && span.scope.includes('instrumentation-http') && span.name === 'POST /api/v1/transactions';
    let trace: ReceivedSpan[] = [];
    await waitUntil('the trace of the request to arrive', async () => {
      const request = receiver.spans.find(isRequest);
      trace = request ? receiver.spans.filter((span) => span.traceId === request.traceId) : [];
      const served = trace.find((span) => span.service === 'trx-crud' && span.kind === SPAN_KIND.server);
      return served !== undefined && (backend !== 'mysql' || trace.some((span) => span.scope.includes('mysql2')));
    }, 15_000);

    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent)] : [];
    };
    const request = trace.find(isRequest)!;
    expect(request.parentSpanId).toBeUndefined();
    const call = trace.find((span) => span.service === 'gateway' && span.kind === SPAN_KIND.client && span.name === 'ledger.transaction.create');
    expect(call).toBeDefined();
    expect(ancestors(call!)).toContain(request);
    const served = trace.find((span) => span.service === 'trx-crud' && span.kind === SPAN_KIND.server && span.name === 'ledger.transaction.create');
    expect(served?.parentSpanId).toBe(call!.spanId);
    if (backend === 'mysql') {
      const inserts = trace.filter((span) => span.service === 'trx-crud' && span.scope.includes('mysql2') && /INSERT/i.test(String(span.attributes['db.statement'] ?? span.name)));
      expect(inserts.length).toBeGreaterThan(0);
      for (const insert of inserts) expect(ancestors(insert)).toContain(served);
    }
  });

  it('links the relay of the transaction.created event and its push to the trace of the request that wrote it', async () => {
    const created = await createTransaction();
    expect(created.status).toBe(201);
    const served = () =>
      receiver.spans.find(
        (span) => span.service === 'trx-crud' && span.kind === SPAN_KIND.server && span.name === 'ledger.transaction.create' && span.attributes['rpc.method'] !== undefined,
      );
    // The event is written inside trx-crud's handling of the call: the stored traceparent names a span of the request's trace.
    const linkedTo = (traceId: string, name: string) => receiver.spans.find((span) => span.name === name && span.links.some((link) => link.traceId === traceId));
    let requestTrace = '';
    await waitUntil('the relay and push spans linked to the request', async () => {
      const requests = receiver.spans.filter((span) => span.service === 'gateway' && span.name === 'POST /api/v1/transactions').map((span) => span.traceId);
      requestTrace = requests.find((traceId) => linkedTo(traceId, 'push transaction.created')) ?? '';
      return requestTrace !== '' && served() !== undefined && linkedTo(requestTrace, 'outbox.relay ledger_outbox') !== undefined;
    }, 15_000);
    const relay = linkedTo(requestTrace, 'outbox.relay ledger_outbox')!;
    const push = linkedTo(requestTrace, 'push transaction.created')!;
    expect([relay.service, relay.kind, push.service, push.kind]).toEqual(['trx-crud', SPAN_KIND.producer, 'notifications', SPAN_KIND.consumer]);
    // Traces of their own: the push is in the relay's (through the TCP hop), neither in the request's.
    expect(push.traceId).toBe(relay.traceId);
    expect(relay.traceId).not.toBe(requestTrace);
  });

  it('hands a caller its X-Request-Id back, and every app the request reaches logs it', async () => {
    const requestId = `obs-${randomUUID()}`;
    const created = await createTransaction({ 'x-request-id': requestId });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe(requestId);

    // Two hops deep: gateway → report → trx-crud, the second call made by the report service.
    const summaryId = `obs-${randomUUID()}`;
    const summary = await api.get('/api/v1/reports/summary?from=2025-03-01&to=2025-03-31', { token: alice.accessToken, headers: { 'x-request-id': summaryId } });
    expect(summary.status).toBe(200);

    await waitUntil('the services to log the calls', async () =>
      logLines('trx-crud').some((line) => line.requestId === summaryId), 5000);
    expect(logLines('gateway')).toContainEqual(expect.objectContaining({ requestId, context: 'http', method: 'POST', status: 201, app: 'gateway' }));
    expect(logLines('trx-crud')).toContainEqual(
      expect.objectContaining({ requestId, pattern: 'ledger.transaction.create', outcome: 'ok', app: 'trx-crud' }),
    );
    expect(logLines('report')).toContainEqual(expect.objectContaining({ requestId: summaryId, app: 'report', outcome: 'ok' }));
    expect(logLines('trx-crud')).toContainEqual(expect.objectContaining({ requestId: summaryId, pattern: expect.stringMatching(/^ledger\./) }));
    // Lines inside a traced request name its trace, to jump from a log line to the trace.
    expect(logLines('trx-crud').find((line) => line.requestId === requestId)?.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes its own request id when the caller sends one that is not sane', async () => {
    const created = await createTransaction({ 'x-request-id': 'x'.repeat(200) });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never writes a password or a token to any log, even at debug level', async () => {
    const password = `pw-${randomUUID()}`;
    const wrongPassword = `wrong-${randomUUID()}`;
    const bob = await newSession(api, 'bob');
    const email = `carol-${randomUUID()}@example.com`;
    expect((await api.post('/api/v1/auth/register', { email, password })).status).toBe(202);
    await verifyByMail(api, email);
    const login = await api.post<{ accessToken: string; refreshToken: string }>('/api/v1/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect((await api.post('/api/v1/auth/login', { email, password: wrongPassword })).status).toBe(401);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(200);
    expect((await api.get('/api/v1/transactions', { token: login.body.accessToken })).status).toBe(200);

    await waitUntil('the gateway to log the logins', async () =>
      logLines('gateway').filter((line) => line.url === '/api/v1/auth/login').length >= 2, 5000);
    const everything = [...output.values()].join('');
    for (const secret of [password, wrongPassword, login.body.accessToken, login.body.refreshToken, bob.accessToken]) {
      expect(everything).not.toContain(secret);
    }
  });
});

import { ApiClient, backendFromEnv, newSession, queryMysql, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

describe(`platform endpoints (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'platform' });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(() => stack?.stop());

  it('serves the OpenAPI document and its UI', async () => {
    const json = await api.get<{ paths: Record<string, unknown> }>('/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/transactions', '/api/v1/transactions/{id}', '/api/v1/categories']),
    );
    const ui = await api.get('/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toMatch(/swagger/i);
  });

  it('echoes a caller’s request id, and makes one when none is given', async () => {
    const given = await api.get('/api/v1/transactions', { headers: { 'X-Request-Id': 'trace-me-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-me-123');
    expect(given.body.requestId).toBe('trace-me-123');
    const made = await api.get('/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

(backend === 'mysql' ? describe : describe.skip)('apps sharing one MySQL schema', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'shared', sharedSchema: true });
  });
  afterAll(() => stack?.stop());

  it('keeps each app’s migrations apart, so both start and serve', async () => {
    const api = new ApiClient(stack.baseUrl);
    const user = await newSession(api);
    const created = await api.post(
      '/api/v1/transactions',
      { occurredOn: '2025-01-01', amount: '-1.00', currency: 'EUR', description: 'Shared schema' },
      { token: user.accessToken },
    );
    expect(created.status).toBe(201);
    const tables = await queryMysql<{ name: string }>(
      stack.databases.identity!,
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '%migrations'",
    );
    expect(tables.map((t) => t.name).sort()).toEqual([
      'classifier_migrations',
      'identity_migrations',
      'ledger_migrations',
      'portfolio_migrations',
      'var_migrations',
    ]);
  });
});

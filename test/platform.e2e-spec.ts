import { ApiClient, backendFromEnv, Stack, startStack } from '@finstack/testing';

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

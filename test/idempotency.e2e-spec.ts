import { ApiClient, backendFromEnv, newSession, Session, Stack, startStack } from '@finstack/testing';

const backend = backendFromEnv();

describe(`Idempotency-Key on POST /transactions (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  let user: Session;

  beforeAll(async () => {
    stack = await startStack({ backend, name: 'idempotency' });
    api = new ApiClient(stack.baseUrl);
    user = await newSession(api);
  });
  afterAll(() => stack?.stop());

  const body = { occurredOn: '2025-05-05', amount: '-42.00', currency: 'EUR', description: 'Dinner' };
  const post = (key: string, payload: object = body) =>
    api.post('/api/v1/transactions', payload, { token: user.accessToken, headers: { 'Idempotency-Key': key } });
  const count = async () =>
    (await api.get<{ items: unknown[] }>('/api/v1/transactions?limit=200', { token: user.accessToken })).body.items.length;

  it('replays the first response for a retry with the same key and body, without a second row', async () => {
    const before = await count();
    const first = await post('retry-1');
    const retry = await post('retry-1');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await count()).toBe(before + 1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED when the same key comes with another body', async () => {
    await post('reuse-1');
    const before = await count();
    const changed = await post('reuse-1', { ...body, amount: '-43.00' });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count()).toBe(before);
  });

  it('never inserts twice when concurrent requests share a key', async () => {
    const before = await count();
    const responses = await Promise.all(Array.from({ length: 12 }, () => post('race-1')));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('keeps keys per user: another user with the same key gets a row of their own', async () => {
    const other = await newSession(api, 'other');
    const mine = await post('shared-key');
    const theirs = await api.post('/api/v1/transactions', body, {
      token: other.accessToken,
      headers: { 'Idempotency-Key': 'shared-key' },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a malformed key', async () => {
    const response = await post('x'.repeat(256));
    expect(response.status).toBe(400);
  });
});

import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { RedisClient, RedisThrottlerStorage } from './redis-throttler-storage';

/** On the real Redis of the test machine (TEST_REDIS_URL, 127.0.0.1:6379 by default), under a prefix of its own. */
describe('RedisThrottlerStorage', () => {
  let redis: RedisClient;
  let a: RedisThrottlerStorage;
  let b: RedisThrottlerStorage;

  beforeAll(async () => {
    redis = createClient({ url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    await redis.connect();
    const prefix = `test:${randomUUID()}:`;
    // Two storages on one prefix: two gateway replicas.
    a = new RedisThrottlerStorage(redis, prefix);
    b = new RedisThrottlerStorage(redis, prefix);
  });
  afterAll(() => redis?.quit());

  it('counts one window across replicas: blocked on the hit after the limit, with the seconds left', async () => {
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await (i % 2 ? b : a).increment('203.0.113.7', 60_000, 3, 60_000, 'register'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const over = await b.increment('203.0.113.7', 60_000, 3, 60_000, 'register');
    expect(over).toMatchObject({ totalHits: 4, isBlocked: true });
    expect(over.timeToBlockExpire).toBeGreaterThan(0);
    expect(over.timeToBlockExpire).toBeLessThanOrEqual(60);
    // Another key, or another limit's name, counts apart.
    expect((await a.increment('198.51.100.1', 60_000, 3, 60_000, 'register')).totalHits).toBe(1);
    expect((await a.increment('203.0.113.7', 60_000, 3, 60_000, 'verify')).totalHits).toBe(1);
  });

  it('starts a new window once the last one expired', async () => {
    await a.increment('window', 200, 1, 200, 'register');
    expect((await a.increment('window', 200, 1, 200, 'register')).isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await a.increment('window', 200, 1, 200, 'register')).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});

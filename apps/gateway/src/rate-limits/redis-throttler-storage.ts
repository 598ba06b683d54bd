import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/*
 * One fixed window per key, counted atomically in Redis so that every gateway
 * replica shares it: INCR, and on the first hit PEXPIRE; the answer is the
 * count and the window's remaining milliseconds.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { hits, ttl }`;

/** @nestjs/throttler's storage on Redis (REDIS_URL): limits hold across all gateway replicas. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'finstack:rate:',
  ) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [hits, ttlMs] = (await this.redis.eval(INCREMENT, { keys: [`${this.prefix}${throttlerName}:${key}`], arguments: [String(ttl)] })) as [number, number];
    const timeToExpire = Math.max(1, Math.ceil(ttlMs / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}

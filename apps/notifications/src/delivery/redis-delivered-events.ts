import { RedisConnection } from '../redis/redis-connection';
import { Claim, CLAIM_TTL_MS, DeliveredEvents, DONE_TTL_MS } from './delivered-events';

/**
 * Several replicas: one key per event id in Redis, shared by all of them. A
 * claim is `SET NX … GET` (Redis ≥ 7.0): it sets "busy" only where no key is,
 * and tells in the same round trip what was there. Commands of one batch are
 * pipelined by the client.
 */
export class RedisDeliveredEvents extends DeliveredEvents {
  private readonly keyPrefix: string;

  constructor(
    private readonly redis: RedisConnection,
    prefix: string,
  ) {
    super();
    this.keyPrefix = `${prefix}:event:`;
  }

  async claim(ids: readonly string[]): Promise<Claim[]> {
    const previous = await Promise.all(
      ids.map((id) => this.redis.sendCommand<string | null>(['SET', this.keyPrefix + id, 'busy', 'NX', 'PX', String(CLAIM_TTL_MS), 'GET'])),
    );
    return previous.map((value) => (value === null ? 'new' : value === 'done' ? 'done' : 'busy'));
  }

  async complete(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.redis.sendCommand(['SET', this.keyPrefix + id, 'done', 'PX', String(DONE_TTL_MS)])));
  }

  async release(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.redis.sendCommand(['DEL', ...ids.map((id) => this.keyPrefix + id)]);
  }
}

import { Claim, CLAIM_TTL_MS, DeliveredEvents } from './delivered-events';

const DEFAULT_CAPACITY = 200_000;

/**
 * One replica without Redis: the ids pushed lately, bounded (the oldest is
 * forgotten first; a relay retries within seconds, not after 200,000 events).
 * Lost at restart, like the sockets it pushed to.
 */
export class MemoryDeliveredEvents extends DeliveredEvents {
  private readonly entries = new Map<string, { state: 'busy' | 'done'; busyUntil: number }>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async claim(ids: readonly string[]): Promise<Claim[]> {
    return ids.map((id) => {
      const entry = this.entries.get(id);
      if (entry?.state === 'done') return 'done';
      if (entry && entry.busyUntil > this.now()) return 'busy';
      this.remember(id, 'busy');
      return 'new';
    });
  }

  async complete(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.remember(id, 'done');
  }

  async release(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(id: string, state: 'busy' | 'done'): void {
    this.entries.delete(id); // re-inserted last: Map order is the eviction order
    this.entries.set(id, { state, busyUntil: this.now() + CLAIM_TTL_MS });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

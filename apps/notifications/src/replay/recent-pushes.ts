import { DomainEvent } from '@finstack/contracts';

/** How long a push can be replayed, as connection state recovery keeps missed packets. */
export const REPLAY_WINDOW_MS = 2 * 60 * 1000;
/** Pushes kept at most (100 price moves a second for 2 minutes is 12,000). */
const CAPACITY = 50_000;

interface Push {
  event: DomainEvent;
  at: number;
  /** The one user it was for, or the holders it went to (sorted) besides its ticker room. */
  userId?: string;
  holders?: readonly string[];
}

/**
 * The events pushed to users in the last two minutes, in push order, for one
 * replica without Redis. Connection state recovery gives a client what it
 * missed only while the process that knew its session runs; after a restart,
 * a client that comes back says the last event it received (`auth.lastEventId`)
 * and gets, from here, every event pushed to its user room since. A client
 * whose last event is not here gets all of them: they were all pushed since
 * this process started, so after anything it received before.
 * With Redis, the streams adapter keeps sessions and packets across restarts instead.
 */
export class RecentPushes {
  private readonly pushes: Push[] = [];
  private head = 0;

  constructor(private readonly now: () => number = Date.now) {}

  forUser(event: DomainEvent, userId: string): void {
    this.add({ event, at: this.now(), userId });
  }

  forHolders(event: DomainEvent, sortedHolders: readonly string[]): void {
    if (sortedHolders.length > 0) this.add({ event, at: this.now(), holders: sortedHolders });
  }

  /** A deleted account: its pushes go, and it leaves the holder lists of the others. The number of pushes changed. */
  forget(userId: string): number {
    let changed = 0;
    for (let index = this.head; index < this.pushes.length; index += 1) {
      const push = this.pushes[index];
      if (push.userId === userId) {
        // Kept in place (the array is ordered by time) but addressed to no one.
        this.pushes[index] = { event: push.event, at: push.at, holders: [] };
        changed += 1;
      } else if (push.holders !== undefined && includesSorted(push.holders, userId)) {
        this.pushes[index] = { ...push, holders: push.holders.filter((holder) => holder !== userId) };
        changed += 1;
      }
    }
    return changed;
  }

  /** What was pushed to the user after their last received event, oldest first. */
  since(userId: string, lastEventId: string | undefined): DomainEvent[] {
    this.trim();
    let start = this.head;
    if (lastEventId !== undefined) {
      for (let index = this.pushes.length - 1; index >= this.head; index -= 1) {
        if (this.pushes[index].event.id === lastEventId) {
          start = index + 1;
          break;
        }
      }
    }
    const missed: DomainEvent[] = [];
    for (let index = start; index < this.pushes.length; index += 1) {
      const push = this.pushes[index];
      if (push.userId === userId || (push.holders !== undefined && includesSorted(push.holders, userId))) missed.push(push.event);
    }
    return missed;
  }

  private add(push: Push): void {
    this.pushes.push(push);
    this.trim();
  }

  private trim(): void {
    const oldest = this.now() - REPLAY_WINDOW_MS;
    while (this.head < this.pushes.length && (this.pushes[this.head].at < oldest || this.pushes.length - this.head > CAPACITY)) this.head += 1;
    // Compact now and then rather than shifting the array on every push.
    if (this.head > 1024 && this.head * 2 > this.pushes.length) {
      this.pushes.splice(0, this.head);
      this.head = 0;
    }
  }
}

function includesSorted(sorted: readonly string[], value: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = sorted[middle];
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

import { WindowedCounter } from './windowed-counter';

describe('WindowedCounter', () => {
  let now: number;
  const counter = (maxKeys = 100) => new WindowedCounter({ windowMs: 60_000, maxKeys, now: () => now });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('blocks a key that reached the limit until its window, opened by the first event, ends', () => {
    const failures = counter();
    failures.increment('k');
    now += 20_000;
    failures.increment('k');
    expect(failures.blockedForMs('k', 3)).toBe(0);
    failures.increment('k');
    expect(failures.blockedForMs('k', 3)).toBe(40_000);
    now += 39_999;
    expect(failures.blockedForMs('k', 3)).toBe(1);
    now += 1;
    expect(failures.blockedForMs('k', 3)).toBe(0);
  });

  it('starts counting afresh once a window has ended', () => {
    const failures = counter();
    failures.increment('k');
    failures.increment('k');
    now += 60_000;
    failures.increment('k');
    expect(failures.blockedForMs('k', 2)).toBe(0);
  });

  it('forgets a cleared key, and counts a decrement back', () => {
    const failures = counter();
    failures.increment('a');
    failures.increment('a');
    failures.clear('a');
    expect(failures.blockedForMs('a', 1)).toBe(0);
    failures.increment('b');
    failures.increment('b');
    failures.decrement('b');
    expect(failures.blockedForMs('b', 2)).toBe(0);
    expect(failures.blockedForMs('b', 1)).toBeGreaterThan(0);
  });

  it('drops expired windows as new keys arrive, so memory does not grow with old traffic', () => {
    const failures = counter();
    for (let i = 0; i < 50; i++) failures.increment(`old-${i}`);
    now += 60_000;
    failures.increment('new');
    expect(failures.trackedKeys).toBe(1);
  });

  it('never tracks more than maxKeys, dropping the oldest window first', () => {
    const failures = counter(3);
    for (const key of ['a', 'b', 'c', 'd']) {
      failures.increment(key);
      failures.increment(key);
      now += 1;
    }
    expect(failures.trackedKeys).toBe(3);
    expect(failures.blockedForMs('a', 2)).toBe(0);
    expect(failures.blockedForMs('d', 2)).toBeGreaterThan(0);
  });
});

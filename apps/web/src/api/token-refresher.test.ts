import { describe, expect, it, vi } from 'vitest';
import { TokenRefresher } from './token-refresher';

function clock() {
  let now = 1_000_000;
  const timers: { at: number; callback: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimer: (callback: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      const index = timers.findIndex((timer) => timer.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
    pending: () => timers.length,
  };
}

describe('TokenRefresher', () => {
  it('refreshes silently one lead time before the token expires', async () => {
    const time = clock();
    const refresh = vi.fn().mockResolvedValue({ accessToken: 'second', expiresIn: 900 });
    const tokens = new TokenRefresher({ refresh, leadSeconds: 60, ...time });
    tokens.accept({ accessToken: 'first', expiresIn: 900 });
    time.advance(839_000);
    expect(refresh).not.toHaveBeenCalled();
    time.advance(1_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(tokens.accessToken).toBe('second'));
    expect(tokens.isFresh()).toBe(true);
    expect(time.pending()).toBe(1); // the next refresh is planned
  });

  it('sends one refresh for concurrent callers (a refresh token is good for one exchange)', async () => {
    let resolve!: (value: { accessToken: string; expiresIn: number }) => void;
    const refresh = vi.fn(() => new Promise<{ accessToken: string; expiresIn: number }>((r) => (resolve = r)));
    const tokens = new TokenRefresher({ refresh, ...clock() });
    const calls = [tokens.refreshNow(), tokens.refreshNow(), tokens.refreshNow()];
    resolve({ accessToken: 'new', expiresIn: 900 });
    expect(await Promise.all(calls)).toEqual(['new', 'new', 'new']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('forgets the token and tells listeners when the session is over', async () => {
    const time = clock();
    const tokens = new TokenRefresher({ refresh: () => Promise.reject(new Error('401')), ...time });
    const seen: (string | null)[] = [];
    tokens.subscribe((token) => seen.push(token));
    tokens.accept({ accessToken: 'first', expiresIn: 900 });
    expect(await tokens.refreshNow()).toBeNull();
    expect(tokens.accessToken).toBeNull();
    expect(seen).toEqual(['first', null]);
    expect(time.pending()).toBe(0);
  });

  it('is not fresh within the margin before expiry', () => {
    const time = clock();
    const tokens = new TokenRefresher({ refresh: vi.fn(), leadSeconds: 0, ...time });
    tokens.accept({ accessToken: 'a', expiresIn: 10 });
    expect(tokens.isFresh(5_000)).toBe(true);
    time.advance(6_000);
    expect(tokens.isFresh(5_000)).toBe(false);
  });
});

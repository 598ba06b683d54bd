import { DomainEvent } from '@finstack/contracts';
import { REPLAY_WINDOW_MS, RecentPushes } from './recent-pushes';

const event = (id: string): DomainEvent => ({ id, type: 'price.changed', occurredAt: '2025-03-14T09:00:00.000Z', payload: {} });

describe('RecentPushes', () => {
  it("replays a user's pushes after the last one they received, and not other users' pushes", () => {
    const pushes = new RecentPushes();
    pushes.forUser(event('a1'), 'ann');
    pushes.forHolders(event('p1'), ['ann', 'ben'].sort());
    pushes.forUser(event('b1'), 'ben');
    pushes.forHolders(event('p2'), ['ben']);
    pushes.forUser(event('a2'), 'ann');

    expect(pushes.since('ann', 'a1').map((e) => e.id)).toEqual(['p1', 'a2']);
    expect(pushes.since('ann', 'a2')).toEqual([]);
    expect(pushes.since('ben', undefined).map((e) => e.id)).toEqual(['p1', 'b1', 'p2']);
    // Not here (pushed by a process before a restart): everything here came after it.
    expect(pushes.since('ann', 'unknown').map((e) => e.id)).toEqual(['a1', 'p1', 'a2']);
  });

  it('forgets pushes older than the replay window', () => {
    let now = 1_000_000;
    const pushes = new RecentPushes(() => now);
    pushes.forUser(event('old'), 'ann');
    now += REPLAY_WINDOW_MS + 1;
    pushes.forUser(event('new'), 'ann');
    expect(pushes.since('ann', undefined).map((e) => e.id)).toEqual(['new']);
  });

  it("forgets a deleted user's pushes and removes them from holder lists, leaving the others' replay as it was", () => {
    const pushes = new RecentPushes();
    pushes.forUser(event('a1'), 'ann');
    pushes.forHolders(event('p1'), ['ann', 'ben'].sort());
    pushes.forUser(event('b1'), 'ben');

    expect(pushes.forget('ann')).toBe(2);
    expect(pushes.since('ann', undefined)).toEqual([]);
    expect(pushes.since('ben', undefined).map((e) => e.id)).toEqual(['p1', 'b1']);
    expect(pushes.forget('ann')).toBe(0); // a second erase changes nothing
  });
});

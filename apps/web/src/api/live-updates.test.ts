import { describe, expect, it } from 'vitest';
import { applyPriceToHoldings, FEED_MAX, initialLiveState, liveReducer } from './live-updates';
import type { Holdings, LiveEvent } from './types';

const event = (id: string, type: string, payload: Record<string, unknown>): LiveEvent => ({ id, type, occurredAt: '2026-12-07T10:00:00Z', payload });

describe('liveReducer', () => {
  it('keeps the newest pushes first, bounded, and ignores a push seen before', () => {
    let state = initialLiveState;
    for (let i = 0; i < FEED_MAX + 5; i++) state = liveReducer(state, event(`e${i}`, 'transaction.created', {}));
    expect(state.feed).toHaveLength(FEED_MAX);
    expect(state.feed[0]!.id).toBe(`e${FEED_MAX + 4}`);
    const again = liveReducer(state, event(`e${FEED_MAX + 4}`, 'transaction.created', {}));
    expect(again).toBe(state);
  });

  it('moves a run’s progress forward only, and to 1 when it completes', () => {
    let state = liveReducer(initialLiveState, event('a', 'var.progress', { runId: 'r', progress: 0.5 }));
    state = liveReducer(state, event('b', 'var.progress', { runId: 'r', progress: 0.3 }));
    expect(state.progress.r).toBe(0.5);
    state = liveReducer(state, event('c', 'var.completed', { runId: 'r', status: 'succeeded' }));
    expect(state).toMatchObject({ progress: { r: 1 }, completed: { r: 'succeeded' }, lastEventId: 'c' });
  });
});

describe('applyPriceToHoldings', () => {
  const at = '2026-12-01T10:00:00.000Z';
  const view: Holdings = {
    nextCursor: null,
    items: [
      { id: '1', ticker: 'AAPL', quantity: '10', averageCost: '150.00', currency: 'USD', price: '190.10', priceAt: null, priceSource: 'history', closeDate: '2026-11-30', marketValue: '1901.00', dayChange: null, dayChangePct: null, costBasis: '1500.00', unrealisedPnl: '401.00', unrealisedPnlPct: 0.27, createdAt: at, updatedAt: at },
      { id: '2', ticker: 'MSFT', quantity: '1', averageCost: null, currency: 'USD', price: '400.00', priceAt: null, priceSource: 'live', closeDate: null, marketValue: '400.00', dayChange: null, dayChangePct: null, costBasis: null, unrealisedPnl: null, unrealisedPnlPct: null, createdAt: at, updatedAt: at },
    ],
    totals: [],
  };

  it('reprices the pushed ticker’s holdings exactly (decimal strings, no float drift)', () => {
    const next = applyPriceToHoldings(view, { ticker: 'AAPL', price: '201.335', previous: '190.10', changePct: 0.059, currency: 'USD', at: '2026-12-07T15:00:00Z' });
    expect(next!.items[0]).toMatchObject({ price: '201.335', marketValue: '2013.35', unrealisedPnl: '513.35', priceAt: '2026-12-07T15:00:00Z' });
    // It was valued at a stored close; the push makes it live.
    expect(next!.items[0]).toMatchObject({ priceSource: 'live', closeDate: null });
    expect(next!.items[1]).toBe(view.items[1]);
  });

  it('leaves a wallet without the ticker as it is', () => {
    expect(applyPriceToHoldings(view, { ticker: 'TSLA', price: '1', previous: null, changePct: null, currency: 'USD', at: '' })).toBe(view);
    expect(applyPriceToHoldings(undefined, { ticker: 'TSLA', price: '1', previous: null, changePct: null, currency: 'USD', at: '' })).toBeUndefined();
  });
});

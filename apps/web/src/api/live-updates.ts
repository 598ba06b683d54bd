import type { Holdings, LiveEvent } from './types';

/** The push types the console acts on (notifications' EVENT_TYPES). */
export const PUSH_TYPES = [
  'price.changed',
  'alert.triggered',
  'transaction.created',
  'transaction.categorized',
  'auth.login',
  'var.progress',
  'var.completed',
] as const;

export interface PriceChange {
  ticker: string;
  price: string;
  previous: string | null;
  changePct: number | null;
  currency: string;
  at: string;
}

export interface LiveState {
  /** Newest first, at most FEED_MAX. */
  feed: LiveEvent[];
  /** Latest progress (0..1) of each analysis run, by run id. */
  progress: Record<string, number>;
  /** Run ids that finished, with their status. */
  completed: Record<string, 'succeeded' | 'failed'>;
  /** The last event id seen, for replay on reconnect. */
  lastEventId: string | null;
}

export const FEED_MAX = 50;
export const initialLiveState: LiveState = { feed: [], progress: {}, completed: {}, lastEventId: null };

/** Folds one push into the live state; a push seen before (by id) changes nothing. */
export function liveReducer(state: LiveState, event: LiveEvent): LiveState {
  if (state.feed.some((seen) => seen.id === event.id)) return state;
  const feed = [event, ...state.feed].slice(0, FEED_MAX);
  const next: LiveState = { ...state, feed, lastEventId: event.id };
  const payload = event.payload as { runId?: string; progress?: number; status?: 'succeeded' | 'failed' };
  if (event.type === 'var.progress' && payload.runId && typeof payload.progress === 'number') {
    // Pushes may arrive out of order: progress only moves forward.
    next.progress = { ...state.progress, [payload.runId]: Math.max(state.progress[payload.runId] ?? 0, payload.progress) };
  }
  if (event.type === 'var.completed' && payload.runId && payload.status) {
    next.completed = { ...state.completed, [payload.runId]: payload.status };
    next.progress = { ...state.progress, [payload.runId]: 1 };
  }
  return next;
}

/** Multiplies a decimal string by a decimal string, to 2 decimals, without floats for the money (scaled integers). */
function times(quantity: string, price: string): string {
  const scale = (text: string) => {
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
    return { digits: BigInt(whole + fraction), places: fraction.length, negative: text.startsWith('-') };
  };
  const a = scale(quantity);
  const b = scale(price);
  let product = a.digits * b.digits;
  const places = a.places + b.places;
  // Round half away from zero to 2 places.
  if (places > 2) {
    const divisor = 10n ** BigInt(places - 2);
    product = (product * 2n + divisor) / (2n * divisor);
  } else product = product * 10n ** BigInt(2 - places);
  const negative = a.negative !== b.negative && product !== 0n;
  const text = product.toString().padStart(3, '0');
  return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}

function minus(a: string, b: string): string {
  const cents = (text: string) => BigInt(Math.round(Number(text) * 100));
  const value = cents(a) - cents(b);
  const abs = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${value < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** A wallet with a pushed price applied to its holdings of that ticker (price, value and P&L); totals are refetched. */
export function applyPriceToHoldings(view: Holdings | undefined, change: PriceChange): Holdings | undefined {
  if (!view || !view.items.some((holding) => holding.ticker === change.ticker)) return view;
  return {
    ...view,
    items: view.items.map((holding) => {
      if (holding.ticker !== change.ticker) return holding;
      const marketValue = times(holding.quantity, change.price);
      return {
        ...holding,
        price: change.price,
        priceAt: change.at,
        // A pushed quote is live, whatever the holding was valued at before.
        priceSource: 'live' as const,
        closeDate: null,
        marketValue,
        unrealisedPnl: holding.costBasis === null ? holding.unrealisedPnl : minus(marketValue, holding.costBasis),
      };
    }),
  };
}

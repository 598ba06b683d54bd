import { DailyBar, MarketDataProvider, ProviderQuote } from './market-data-provider';
import { ProviderKeyRefusedError, ProviderRateLimitedError, ProviderUnavailableError } from './provider-errors';

/*
 * Finnhub, as its public documentation describes it (https://finnhub.io/docs/api):
 * - authentication: the API key in the `X-Finnhub-Token` header (or a `token`
 *   query parameter, which we avoid so keys stay out of URLs and access logs);
 * - GET /quote?symbol=AAPL → {c, d, dp, h, l, o, pc, t}: current price,
 *   change, percent change, high, low, open, previous close, and the quote's
 *   Unix time in seconds; a symbol it does not know answers 200 with c = 0 and t = 0;
 * - GET /stock/candle?symbol=AAPL&resolution=D&from=<unix>&to=<unix> →
 *   {s: "ok", t, o, h, l, c, v} (parallel arrays), or {s: "no_data"};
 * - refusals: 401 {"error": "Invalid API key"}, 403 {"error": "You don't have
 *   access to this resource."};
 * - rate limits (https://finnhub.io/docs/api/rate-limit): per plan (60 calls a
 *   minute on the free plan) and at most 30 calls a second on any plan;
 *   beyond them 429, with X-Ratelimit-Limit/-Remaining/-Reset headers.
 */
export const FINNHUB_DEFAULT_BASE_URL = 'https://finnhub.io/api/v1';
/** The documented cap on any plan, whatever the per-minute limit. */
export const FINNHUB_MAX_CALLS_PER_SECOND = 30;

const TIMEOUT_MS = 10_000;
const REFUSAL_CHARS = 200;

interface FinnhubQuote {
  c?: unknown;
  t?: unknown;
}

interface FinnhubCandles {
  s?: unknown;
  t?: unknown;
  o?: unknown;
  h?: unknown;
  l?: unknown;
  c?: unknown;
  v?: unknown;
}

export class FinnhubProvider implements MarketDataProvider {
  readonly id = 'finnhub';
  readonly displayName = 'Finnhub';
  private readonly baseUrl: string;

  constructor(baseUrl: string = FINNHUB_DEFAULT_BASE_URL) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async quote(apiKey: string, ticker: string): Promise<ProviderQuote | null> {
    const body = (await this.get(apiKey, '/quote', { symbol: ticker })) as FinnhubQuote;
    if (typeof body.c !== 'number' || typeof body.t !== 'number' || !Number.isFinite(body.c) || !Number.isFinite(body.t)) {
      throw new ProviderUnavailableError(this.displayName, 'the quote answer is not {c, t, ...} as documented');
    }
    // Finnhub's answer for a symbol it does not know.
    if (body.c <= 0 || body.t <= 0) return null;
    return { ticker, price: decimalText(body.c), at: new Date(body.t * 1000) };
  }

  async dailyHistory(apiKey: string, ticker: string, from: Date, to: Date): Promise<DailyBar[]> {
    const body = (await this.get(apiKey, '/stock/candle', {
      symbol: ticker,
      resolution: 'D',
      from: String(Math.floor(from.getTime() / 1000)),
      to: String(Math.floor(to.getTime() / 1000)),
    })) as FinnhubCandles;
    if (body.s === 'no_data') return [];
    const columns = [body.t, body.o, body.h, body.l, body.c, body.v];
    if (body.s !== 'ok' || !columns.every((column) => Array.isArray(column) && column.length === (body.t as unknown[]).length)) {
      throw new ProviderUnavailableError(this.displayName, 'the candle answer is not {s: "ok", t, o, h, l, c, v} as documented');
    }
    const [t, o, h, l, c, v] = columns as number[][];
    return t!.map((seconds, index) => ({
      date: new Date(seconds * 1000).toISOString().slice(0, 10),
      open: decimalText(o![index]!),
      high: decimalText(h![index]!),
      low: decimalText(l![index]!),
      close: decimalText(c![index]!),
      volume: Math.round(v![index]!),
    }));
  }

  private async get(apiKey: string, path: string, query: Record<string, string>): Promise<unknown> {
    const url = `${this.baseUrl}${path}?${new URLSearchParams(query).toString()}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { 'X-Finnhub-Token': apiKey, accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new ProviderUnavailableError(this.displayName, error instanceof Error ? error.message : 'the request failed');
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403) {
      throw new ProviderKeyRefusedError(this.displayName, refusalOf(text, apiKey, response.status));
    }
    if (response.status === 429) throw new ProviderRateLimitedError(this.displayName, retryAfterMs(response.headers));
    if (!response.ok) throw new ProviderUnavailableError(this.displayName, `HTTP ${response.status}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ProviderUnavailableError(this.displayName, 'the answer is not JSON');
    }
  }
}

/** The provider's `error` text, short, and never echoing the key. */
function refusalOf(text: string, apiKey: string, status: number): string {
  let refusal = `HTTP ${status}`;
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string' && body.error.trim() !== '') refusal = body.error.trim();
  } catch {
    // Not JSON: the status says enough.
  }
  return refusal.split(apiKey).join('***').slice(0, REFUSAL_CHARS);
}

/** Retry-After (seconds) or Finnhub's X-Ratelimit-Reset (a Unix time), when present. */
function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = Number(headers.get('retry-after'));
  if (headers.get('retry-after') !== null && Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (headers.get('x-ratelimit-reset') !== null && Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  return undefined;
}

/** A JSON number as a decimal string with at most 6 decimals (the service's price scale). */
function decimalText(value: number): string {
  const fixed = value.toFixed(6).replace(/0+$/, '');
  return fixed.endsWith('.') ? fixed.slice(0, -1) : fixed;
}

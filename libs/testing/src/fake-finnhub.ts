import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/*
 * A local stand-in for Finnhub, answering as its public documentation says
 * (https://finnhub.io/docs/api/quote, /stock-candles, /rate-limit):
 * - the key in the X-Finnhub-Token header or the `token` query parameter;
 * - 401 {"error":"Invalid API key"} for an unknown key;
 * - GET /quote?symbol= → 200 {c, d, dp, h, l, o, pc, t}; an unknown symbol → all zero, d and dp null;
 * - GET /stock/candle?symbol=&resolution=D&from=&to= → {s:"ok", c, h, l, o, t, v} or {s:"no_data"};
 * - past a key's per-minute limit, 429 {"error":"API limit reached. Please try again later. Remaining Limit: 0"}
 *   with X-Ratelimit-Limit, X-Ratelimit-Remaining and X-Ratelimit-Reset (a Unix time).
 * Tests change its state: prices, keys, the limit, forced failures.
 */
export interface FakeFinnhubCall {
  path: string;
  symbol: string | null;
  /** A hash-free label of the key: the test's own name for it. */
  key: string | null;
  status: number;
  at: number;
}

export class FakeFinnhub {
  readonly keys = new Set<string>();
  readonly prices = new Map<string, { price: number; at: number }>();
  readonly history = new Map<string, { t: number; o: number; h: number; l: number; c: number; v: number }[]>();
  readonly calls: FakeFinnhubCall[] = [];
  /** Calls a key may make per rolling minute; beyond them, 429. */
  callsPerMinute = Number.POSITIVE_INFINITY;
  /** The next N answers are this status (e.g. 500 or 429), whatever the request. */
  private forced: { status: number; remaining: number } | undefined;
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((request, response) => this.answer(request, response));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` requests answer `status` (500: an outage; 429: a limit). */
  fail(status: number, count: number): void {
    this.forced = { status, remaining: count };
  }

  setPrice(symbol: string, price: number, at = new Date()): void {
    this.prices.set(symbol, { price, at: Math.floor(at.getTime() / 1000) });
  }

  callsFor(key: string): FakeFinnhubCall[] {
    return this.calls.filter((call) => call.key === key);
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const key = (request.headers['x-finnhub-token'] as string | undefined) ?? url.searchParams.get('token');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const symbol = url.searchParams.get('symbol');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.calls.push({ path, symbol, key, status, at: Date.now() });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(JSON.stringify(body));
    };
    if (this.forced && this.forced.remaining > 0) {
      this.forced.remaining -= 1;
      const status = this.forced.status;
      if (status === 429) return send(429, { error: 'API limit reached. Please try again later. Remaining Limit: 0' }, { 'retry-after': '1' });
      return send(status, { error: 'Internal Server Error' });
    }
    if (!key || !this.keys.has(key)) return send(401, { error: 'Invalid API key' });
    const now = Date.now();
    const recent = this.calls.filter((call) => call.key === key && call.status === 200 && now - call.at < 60_000);
    const limitHeaders = {
      'x-ratelimit-limit': String(this.callsPerMinute),
      'x-ratelimit-remaining': String(Math.max(0, this.callsPerMinute - recent.length - 1)),
      'x-ratelimit-reset': String(Math.ceil(((recent[0]?.at ?? now) + 60_000) / 1000)),
    };
    if (recent.length >= this.callsPerMinute) {
      return send(429, { error: 'API limit reached. Please try again later. Remaining Limit: 0' }, limitHeaders);
    }
    if (path === '/quote' && symbol) {
      const quote = this.prices.get(symbol);
      if (!quote) return send(200, { c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 }, limitHeaders);
      return send(200, { c: quote.price, d: 0, dp: 0, h: quote.price, l: quote.price, o: quote.price, pc: quote.price, t: quote.at }, limitHeaders);
    }
    if (path === '/stock/candle' && symbol) {
      const from = Number(url.searchParams.get('from'));
      const to = Number(url.searchParams.get('to'));
      const bars = (this.history.get(symbol) ?? []).filter((bar) => bar.t >= from && bar.t <= to);
      if (bars.length === 0) return send(200, { s: 'no_data' }, limitHeaders);
      const column = (name: 't' | 'o' | 'h' | 'l' | 'c' | 'v') => bars.map((bar) => bar[name]);
      return send(200, { s: 'ok', t: column('t'), o: column('o'), h: column('h'), l: column('l'), c: column('c'), v: column('v') }, limitHeaders);
    }
    return send(404, { error: 'Not found' });
  }
}

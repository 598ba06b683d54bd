import { FakeFinnhub } from '@finstack/testing';
import { FinnhubProvider } from './finnhub.provider';
import { GateSettings, ProviderGate } from './provider-gate';
import { ProviderCircuitOpenError, ProviderKeyRefusedError, ProviderRateLimitedError, ProviderUnavailableError } from './provider-errors';
import { TokenBucket } from './token-bucket';

/** Against a local server speaking Finnhub's documented format (see FakeFinnhub). */
describe('Finnhub through the provider gate', () => {
  const finnhub = new FakeFinnhub();
  const KEY = 'good-key-0123456789';
  const settings: GateSettings = {
    callsPerMinute: 6000,
    maxCallsPerSecond: 30,
    retries: 3,
    backoffBaseMs: 10,
    backoffCapMs: 200,
    circuitThreshold: 3,
    circuitOpenMs: 300,
  };
  let provider: FinnhubProvider;
  beforeAll(async () => {
    provider = new FinnhubProvider(await finnhub.start());
    finnhub.keys.add(KEY);
  });
  afterAll(() => finnhub.stop());
  beforeEach(() => {
    finnhub.calls.length = 0;
    finnhub.callsPerMinute = Number.POSITIVE_INFINITY;
  });

  it("reads a quote, and null for a symbol Finnhub does not know", async () => {
    finnhub.setPrice('AAPL', 189.84, new Date('2025-03-14T20:00:00Z'));
    await expect(provider.quote(KEY, 'AAPL')).resolves.toEqual({ ticker: 'AAPL', price: '189.84', at: new Date('2025-03-14T20:00:00Z') });
    await expect(provider.quote(KEY, 'NOPE')).resolves.toBeNull();
  });

  it('sends the key in the X-Finnhub-Token header, never in the URL', async () => {
    await provider.quote(KEY, 'AAPL');
    expect(finnhub.calls[0]).toMatchObject({ key: KEY, path: '/quote', symbol: 'AAPL' });
  });

  it("names Finnhub's refusal of a bad key", async () => {
    const refusal = provider.quote('bad-key-0000', 'AAPL');
    await expect(refusal).rejects.toBeInstanceOf(ProviderKeyRefusedError);
    await expect(refusal).rejects.toThrow('Finnhub refused the API key: Invalid API key');
  });

  it('reads daily candles oldest first, and none for no_data', async () => {
    const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;
    finnhub.history.set('MSFT', [
      { t: day('2025-03-13'), o: 10, h: 12, l: 9, c: 11, v: 1000 },
      { t: day('2025-03-14'), o: 11, h: 13.5, l: 10.25, c: 13.125, v: 2000 },
    ]);
    const bars = await provider.dailyHistory(KEY, 'MSFT', new Date('2025-01-01'), new Date('2025-04-01'));
    expect(bars).toEqual([
      { date: '2025-03-13', open: '10', high: '12', low: '9', close: '11', volume: 1000 },
      { date: '2025-03-14', open: '11', high: '13.5', low: '10.25', close: '13.125', volume: 2000 },
    ]);
    await expect(provider.dailyHistory(KEY, 'NONE', new Date('2025-01-01'), new Date('2025-04-01'))).resolves.toEqual([]);
  });

  it('retries a 429 after its Retry-After, and gets the quote', async () => {
    const gate = new ProviderGate(provider, settings);
    finnhub.fail(429, 1);
    const started = Date.now();
    await expect(gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))).resolves.toMatchObject({ price: '189.84' });
    // Retry-After: 1 s, capped by backoffCapMs (200 ms) here.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(finnhub.calls.map((call) => call.status)).toEqual([429, 200]);
    expect(gate.health().circuit).toBe('closed');
  });

  it('gives up on 429 after its retries, without opening the circuit', async () => {
    const gate = new ProviderGate(provider, { ...settings, retries: 1 });
    finnhub.fail(429, 2);
    await expect(gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))).rejects.toBeInstanceOf(ProviderRateLimitedError);
    expect(gate.health().circuit).toBe('closed');
  });

  it('opens the circuit after repeated 5xx, refuses calls while open, and closes after a good trial', async () => {
    const gate = new ProviderGate(provider, settings);
    finnhub.fail(500, 3);
    await expect(gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(finnhub.calls.map((call) => call.status)).toEqual([500, 500, 500]);
    expect(gate.health()).toMatchObject({ provider: 'finnhub', circuit: 'open', lastFailure: 'Finnhub is unavailable: HTTP 500' });
    await expect(gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))).rejects.toBeInstanceOf(ProviderCircuitOpenError);
    expect(finnhub.calls).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect(gate.health().circuit).toBe('half-open');
    await expect(gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))).resolves.toMatchObject({ price: '189.84' });
    expect(gate.health().circuit).toBe('closed');
  });

  it('a failed trial opens the circuit again', async () => {
    const gate = new ProviderGate(provider, { ...settings, retries: 0, circuitThreshold: 1 });
    finnhub.fail(503, 2);
    await expect(gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))).rejects.toBeInstanceOf(ProviderUnavailableError);
    await new Promise((resolve) => setTimeout(resolve, 320));
    await expect(gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(gate.health().circuit).toBe('open');
  });

  it('keeps each key within its per-minute limit: the server never answers 429', async () => {
    finnhub.callsPerMinute = 1000;
    const gate = new ProviderGate(provider, { ...settings, callsPerMinute: 600, maxCallsPerSecond: 5 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 15 }, () => gate.call(KEY, (p) => p.quote(KEY, 'AAPL'))));
    // 5 at once, then 10 a second: the last of 15 no sooner than 1 s in.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(finnhub.calls.every((call) => call.status === 200)).toBe(true);
  });
});

describe('TokenBucket', () => {
  it('lets `capacity` through at once, then one per 1/rate, and waits out a pause', async () => {
    let now = 0;
    const slept: number[] = [];
    const bucket = new TokenBucket(2, 1, () => now, async (ms) => {
      slept.push(ms);
      now += ms;
    });
    await bucket.take();
    await bucket.take();
    expect(slept).toEqual([]);
    await bucket.take();
    expect(slept).toEqual([1000]);
    bucket.pause(5000);
    await bucket.take();
    expect(now).toBe(1000 + 5000 + 1000);
  });
});

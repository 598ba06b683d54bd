import { RunPage, RunView, StrategyAnalysisResult } from '@finstack/contracts';
import { naiveRows, naiveSmaTrades } from '../../apps/var/src/testing/naive-sma-trades';
import { backend, sampleCsv, useRiskStack } from './var-test-helpers';

const SMA_REQUEST = { ticker: 'AAPL', strategy: { type: 'sma-crossover', A: 20, V: 101 }, samples: 20_000, shards: 2, seed: 11 };

const resultOf = (run: RunView) => run.result as StrategyAnalysisResult;
/** Everything but the timing. */
const withoutTiming = (result: StrategyAnalysisResult) => ({ ...result, metadata: { ...result.metadata, durationMs: 0 } });

describe(`strategy VaR analyses over the API (${backend})`, () => {
  const risk = useRiskStack('var_strategy');

  beforeAll(() => risk.uploadPrices('AAPL', sampleCsv('AAPL')));

  it('answers 201 with AAPL sma-crossover trades that match an independent computation', async () => {
    const user = await risk.newUser();
    const response = await user.post<RunView>('/var/analyses', SMA_REQUEST);
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/v1/var/analyses/${response.body.id}`);
    const run = response.body;
    expect(run).toMatchObject({ kind: 'strategy', status: 'succeeded', ticker: 'AAPL', progress: 1, error: null });
    expect(run.params).toMatchObject({ ...SMA_REQUEST, units: 1000, confidence: [0.95, 0.99], priceField: 'adjClose' });

    const result = resultOf(run);
    const expected = naiveSmaTrades(naiveRows(), 20, 101, 1000);
    expect(result.metadata).toMatchObject({ signals: 368, samples: 20_000, shards: 2, seed: 11, seeded: true });
    expect(result.trades.map(({ signal, openDate, closeDate, pnl, cumulativePnl }) => ({ signal, openDate, closeDate, pnl, cumulativePnl }))).toEqual(expected);
    expect(result.summary.totalPnl).toBe(expected[expected.length - 1].cumulativePnl);
    expect(result.series.filter((point) => point.signal !== null)).toHaveLength(368);
    for (const trade of result.trades) {
      const [at95, at99] = trade.risk;
      // A 99 % loss is larger than a 95 % one, and the shortfall beyond each is larger still.
      expect(at99.varMoney).toBeGreaterThan(at95.varMoney);
      expect(at95.esMoney).toBeGreaterThan(at95.varMoney);
      // Money = units × open price × |return|, not price twice.
      expect(at95.varMoney).toBeCloseTo(1000 * trade.openPrice * Math.abs(at95.varReturn), 1);
    }
  });

  it('gives identical results for the same seed, and stores each run for its owner only', async () => {
    const user = await risk.newUser();
    const first = await user.post<RunView>('/var/analyses', SMA_REQUEST);
    const second = await user.post<RunView>('/var/analyses', { ...SMA_REQUEST, shards: 1 });
    expect(withoutTiming(resultOf(second.body))).toEqual({ ...withoutTiming(resultOf(first.body)), metadata: { ...withoutTiming(resultOf(first.body)).metadata, shards: 1 } });

    const stored = await user.get<RunView>(`/var/analyses/${first.body.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(first.body);
    const list = await user.get<RunPage>('/var/analyses');
    expect(list.body.items.map((run) => run.id)).toEqual([second.body.id, first.body.id]);
    expect(list.body.items[0].result).toBeUndefined();

    const stranger = await risk.newUser('stranger');
    expect((await stranger.get(`/var/analyses/${first.body.id}`)).status).toBe(404);
    expect((await stranger.get<RunPage>('/var/analyses')).body.items).toEqual([]);
  });

  it('runs three white soldiers / black crows with a hold of P days', async () => {
    const user = await risk.newUser();
    const response = await user.post<RunView>('/var/analyses', {
      ticker: 'AAPL',
      strategy: { type: 'three-soldiers-crows', H: 10, P: 5 },
      samples: 1000,
      seed: 3,
    });
    expect(response.status).toBe(201);
    const result = resultOf(response.body);
    expect(result.trades.length).toBeGreaterThan(50);
    expect(response.body.params).toMatchObject({ strategy: { type: 'three-soldiers-crows', H: 10, P: 5, body: 0.01 } });
    for (const trade of result.trades) expect(trade.openDate < trade.closeDate).toBe(true);
  });

  it('refuses bad parameters with 400 or 404 and a clear message, storing nothing', async () => {
    const user = await risk.newUser();
    const cases: Array<[unknown, number, RegExp]> = [
      [{ ...SMA_REQUEST, samples: 99 }, 400, /samples must be an integer from 100 to 10000000/],
      [{ ...SMA_REQUEST, samples: 10_000_001 }, 400, /samples/],
      [{ ...SMA_REQUEST, shards: 17 }, 400, /shards/],
      [{ ...SMA_REQUEST, ticker: 'NOPE' }, 404, /no price history for NOPE/],
      [{ ...SMA_REQUEST, strategy: { type: 'sma-crossover', A: 20 } }, 400, /V \(volatility window\)/],
      [{ ...SMA_REQUEST, strategy: { type: 'sma-crossover', A: 2, V: 10 } }, 400, /A \(moving-average period\)/],
      [{ ...SMA_REQUEST, strategy: { type: 'momentum' } }, 400, /strategy.type must be one of/],
      [{ ...SMA_REQUEST, from: '2020-01-01', strategy: { type: 'sma-crossover', A: 20, V: 101 } }, 400, /volatility window V \(101\) is longer than the price history \(\d+ rows\)/],
      [{ ...SMA_REQUEST, confidence: [0.95, 1] }, 400, /confidence/],
      [{ ...SMA_REQUEST, seed: -1 }, 400, /seed/],
      [{ ticker: 'AAPL', strategy: { type: 'three-soldiers-crows', H: 10 }, samples: 1000 }, 400, /P \(days held\)/],
      [{ ...SMA_REQUEST, strategy: undefined }, 400, /strategy/],
    ];
    for (const [body, status, message] of cases) {
      const response = await user.post<{ message: string }>('/var/analyses', body);
      expect({ body, status: response.status }).toEqual({ body, status });
      expect(response.body.message).toMatch(message);
    }
    expect((await user.get<RunPage>('/var/analyses')).body.items).toEqual([]);
    expect((await user.get('/var/analyses/not-a-uuid')).status).toBe(400);
    expect((await user.get('/var/analyses/01a2013c-0000-7000-8000-000000000000')).status).toBe(404);
  });
});

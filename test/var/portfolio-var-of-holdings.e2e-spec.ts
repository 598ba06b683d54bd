import { PortfolioVarResult, RunView } from '@finstack/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backend, RiskUser, sampleCsv, useRiskStack } from './var-test-helpers';

/** The daily S&P 500 of data/prices, in the standard CSV. */
function sp500Csv(): string {
  return readFileSync(join(__dirname, '..', '..', 'data', 'prices', 'SPX.csv'), 'utf8');
}

const WALLET = [
  { ticker: 'AAPL', quantity: '40' },
  { ticker: 'AMZN', quantity: '5' },
  { ticker: 'SPX', quantity: '3' },
];

async function walletOf(user: RiskUser, holdings: Array<{ ticker: string; quantity: string }>): Promise<void> {
  for (const holding of holdings) {
    const added = await user.post('/portfolio/holdings', { ...holding, allowUnknown: true });
    expect(added.status).toBe(201);
  }
}

const resultOf = (run: RunView) => run.result as PortfolioVarResult;

describe(`portfolio VaR of a user's holdings (${backend})`, () => {
  const risk = useRiskStack('var_portfolio');

  beforeAll(async () => {
    await risk.uploadPrices('AAPL', sampleCsv('AAPL'));
    await risk.uploadPrices('AMZN', sampleCsv('AMZN'));
    await risk.uploadPrices('SPX', sp500Csv());
  });

  it('3 assets: parametric and Monte-Carlo (Cholesky) VaR agree, and contributions add up', async () => {
    const user = await risk.newUser();
    await walletOf(user, WALLET);
    const common = { horizonDays: 1, lookbackDays: 1000, confidence: [0.95, 0.99] };
    const parametric = await user.post<RunView>('/var/portfolio', { ...common, method: 'parametric' });
    const monteCarlo = await user.post<RunView>('/var/portfolio', { ...common, method: 'monte-carlo', samples: 1_000_000, seed: 9 });
    const historical = await user.post<RunView>('/var/portfolio', { ...common, method: 'historical' });
    for (const response of [parametric, monteCarlo, historical]) expect(response.status).toBe(201);

    const p = resultOf(parametric.body);
    const m = resultOf(monteCarlo.body);
    const h = resultOf(historical.body);
    // Valued at the last day all three have: the S&P file runs later than the stocks.
    expect(p.asOf).toBe('2020-02-20');
    expect(p.value).toBeCloseTo(40 * 320.299988 + 5 * 2153.100098 + 3 * 3373.22998, 0);
    for (const level of [0, 1]) {
      expect(Math.abs(m.levels[level].var / p.levels[level].var - 1)).toBeLessThan(0.03);
      expect(m.levels[level].es).toBeGreaterThan(m.levels[level].var);
      expect(h.levels[level].var).toBeGreaterThan(0);
    }
    for (const result of [p, m, h]) {
      expect(result.contributions.map((c) => c.ticker)).toEqual(['AAPL', 'AMZN', 'SPX']);
      result.levels.forEach((level, l) => {
        const sum = result.contributions.reduce((total, c) => total + c.levels[l].var, 0);
        expect(sum).toBeCloseTo(level.var, 0);
      });
    }
    expect(m.metadata).toMatchObject({ samples: 1_000_000, seed: 9, seeded: true });
    expect(monteCarlo.body.params).toMatchObject({ method: 'monte-carlo', holdings: WALLET });
  });

  it('refuses what cannot be analysed with a clear 4xx and stores nothing', async () => {
    const empty = await risk.newUser('no-holdings');
    const none = await empty.post<{ code: string; message: string }>('/var/portfolio', { method: 'parametric' });
    expect(none.status).toBe(422);
    expect(none.body.message).toMatch(/holds no stocks/);

    const unpriced = await risk.newUser('unpriced');
    await walletOf(unpriced, [{ ticker: 'AAPL', quantity: '1' }, { ticker: 'TSLA', quantity: '2' }]);
    const missing = await unpriced.post<{ code: string; message: string }>('/var/portfolio', {});
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'PORTFOLIO_NOT_ANALYSABLE', message: expect.stringContaining('TSLA') });

    const user = await risk.newUser();
    await walletOf(user, WALLET.slice(0, 2));
    const cases: Array<[unknown, RegExp]> = [
      [{ lookbackDays: 4000 }, /lookbackDays 4000 needs 4001/],
      [{ lookbackDays: 19 }, /lookbackDays must be an integer from 20/],
      [{ method: 'magic' }, /method must be one of/],
      [{ samples: 50 }, /samples/],
      [{ horizonDays: 0 }, /horizonDays/],
      [{ confidence: 'high' }, /confidence/],
      [{ method: 'historical', lookbackDays: 20, horizonDays: 10 }, /scenarios|horizon/],
    ];
    for (const [body, message] of cases) {
      const response = await user.post<{ message: string }>('/var/portfolio', body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.body.message).toMatch(message);
    }
    for (const who of [empty, unpriced, user]) expect((await who.get<{ items: unknown[] }>('/var/analyses')).body.items).toEqual([]);
  });
});

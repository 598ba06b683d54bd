import { PriceRow } from '../analysis/types';
import { rowsFrom, syntheticPortfolio } from './fixtures.test-helper';
import { portfolioRisk, PortfolioRiskInputError } from './portfolio-risk';
import { PortfolioRiskParams, PositionInput } from './types';
import { validatePortfolioRiskParams } from './validate';

const positions = syntheticPortfolio().map((p) => ({ ...p, prices: p.prices.slice(-300) }));
const valid: PortfolioRiskParams = { positions, method: 'monte-carlo', horizonDays: 1, confidenceLevels: [0.95, 0.99], lookbackDays: 250, samples: 1000, seed: 1 };

describe('validatePortfolioRiskParams', () => {
  it('accepts valid parameters for every method', () => {
    expect(validatePortfolioRiskParams(valid)).toEqual([]);
    expect(validatePortfolioRiskParams({ ...valid, method: 'historical', samples: 0 })).toEqual([]);
    expect(validatePortfolioRiskParams({ ...valid, method: 'parametric', samples: -1, seed: undefined, priceField: 'close' })).toEqual([]);
  });

  it.each([
    [{ samples: 99 }, 'samples must be an integer from 100 to 2000000, got 99'],
    [{ samples: 2_000_001 }, 'samples must be an integer from 100 to 2000000, got 2000001'],
    [{ samples: 1000.5 }, 'samples must be an integer from 100 to 2000000, got 1000.5'],
    [{ horizonDays: 0 }, 'horizonDays must be an integer from 1 to 250, got 0'],
    [{ horizonDays: 251 }, 'horizonDays must be an integer from 1 to 250, got 251'],
    [{ lookbackDays: 19 }, 'lookbackDays must be an integer from 20 to 5000, got 19'],
    [{ lookbackDays: 5001 }, 'lookbackDays must be an integer from 20 to 5000, got 5001'],
    [{ confidenceLevels: [] }, 'confidenceLevels must hold 1 to 5 values, got 0'],
    [{ confidenceLevels: [0.9, 0.91, 0.92, 0.93, 0.94, 0.95] }, 'confidenceLevels must hold 1 to 5 values, got 6'],
    [{ confidenceLevels: [0.95, 1] }, 'confidence level 1 must be a number strictly between 0 and 1 (e.g. 0.95)'],
    [{ confidenceLevels: [0, 0.99] }, 'confidence level 0 must be a number strictly between 0 and 1 (e.g. 0.95)'],
    [{ confidenceLevels: [NaN] }, 'confidence level NaN must be a number strictly between 0 and 1 (e.g. 0.95)'],
    [{ confidenceLevels: [95] }, 'confidence level 95 must be a number strictly between 0 and 1 (e.g. 0.95)'],
    [{ method: 'garch' }, 'method must be monte-carlo, historical or parametric, got "garch"'],
    [{ seed: -1 }, 'seed must be an integer from 0 to 4294967295, got -1'],
    [{ seed: 2 ** 32 }, 'seed must be an integer from 0 to 4294967295, got 4294967296'],
    [{ priceField: 'open' }, 'priceField must be adjClose or close, got "open"'],
    [{ positions: [] }, 'positions is empty: the portfolio needs at least one position'],
    [{ lookbackDays: 300 }, 'AAA, BBB and CCC share 300 trading days; lookbackDays 300 needs 301 (shortest history: AAA, 300 rows)'],
    [{ positions: [positions[0], positions[1], positions[0]] }, 'duplicate ticker AAA (positions 1 and 3): list each ticker once'],
    [{ positions: [positions[0], { ...positions[1], ticker: 'aaa ' }] }, 'duplicate ticker aaa (positions 1 and 2): list each ticker once'],
    [{ positions: [{ ...positions[0], quantity: 0 }] }, 'AAA: quantity must be a positive finite number, got 0'],
    [{ positions: [{ ...positions[0], quantity: -5 }] }, 'AAA: quantity must be a positive finite number, got -5'],
    [{ positions: [{ ...positions[0], quantity: Infinity }] }, 'AAA: quantity must be a positive finite number, got Infinity'],
    [{ positions: [{ ...positions[0], ticker: '' }] }, 'position 1: ticker must be a non-empty string'],
    [{ positions: [{ ...positions[0], prices: [] }] }, 'AAA: prices must be a non-empty list of price rows'],
    [
      { method: 'historical', horizonDays: 240 },
      'horizonDays 240 leaves 11 historical scenarios in lookbackDays 250; the historical method needs at least 20 (horizonDays at most 231, or lookbackDays at least 259)',
    ],
  ] as [Partial<PortfolioRiskParams>, string][])('%j', (change, message) => {
    expect(validatePortfolioRiskParams({ ...valid, ...change })).toContain(message);
  });

  it('ignores samples for the methods that do not simulate draws', () => {
    expect(validatePortfolioRiskParams({ ...valid, method: 'historical', samples: 5 })).toEqual([]);
  });

  it('names the tickers and counts when the histories barely overlap', () => {
    const aapl: PositionInput = { ticker: 'AAPL', quantity: 1, prices: rowsFrom(Array(400).fill(100)) };
    const amzn: PositionInput = { ticker: 'AMZN', quantity: 1, prices: rowsFrom(Array(400).fill(50), 150) };
    expect(validatePortfolioRiskParams({ ...valid, positions: [aapl, amzn], lookbackDays: 500 })).toEqual([
      'AAPL and AMZN share 250 trading days; lookbackDays 500 needs 501 (shortest history: AAPL, 400 rows)',
    ]);
    expect(validatePortfolioRiskParams({ ...valid, positions: [aapl], lookbackDays: 500 })).toEqual(['AAPL has 400 trading days; lookbackDays 500 needs 501']);
  });

  it('rejects non-positive prices inside the window only', () => {
    const prices = rowsFrom(Array.from({ length: 300 }, (_, i) => 100 + i));
    const early = prices.map((row, i) => (i === 10 ? { ...row, adjClose: 0 } : row));
    expect(validatePortfolioRiskParams({ ...valid, positions: [{ ticker: 'X', quantity: 1, prices: early }] })).toEqual([]);
    const late = prices.map((row, i) => (i === 290 ? { ...row, adjClose: -1 } : row));
    expect(validatePortfolioRiskParams({ ...valid, positions: [{ ticker: 'X', quantity: 1, prices: late }] })).toEqual([
      `X has price -1 (adjClose) on ${prices[290].date}; prices in the lookback window must be positive numbers`,
    ]);
    // the same row is fine when close is used
    expect(validatePortfolioRiskParams({ ...valid, priceField: 'close', positions: [{ ticker: 'X', quantity: 1, prices: late }] })).toEqual([]);
  });

  it('rejects price rows out of date order', () => {
    const prices = rowsFrom(Array(300).fill(10));
    [prices[5], prices[6]] = [prices[6], prices[5]];
    expect(validatePortfolioRiskParams({ ...valid, positions: [{ ticker: 'X', quantity: 1, prices }] })).toEqual([
      `X: prices must be oldest first with one row per date, but ${prices[6].date} follows ${prices[5].date} (row 7)`,
    ]);
  });

  it('caps the number of positions at 200', () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ ...positions[0], ticker: `T${i}` }));
    expect(validatePortfolioRiskParams({ ...valid, positions: many })).toEqual(['at most 200 positions are supported, got 201']);
  });

  it('reports every problem at once', () => {
    expect(validatePortfolioRiskParams({ ...valid, samples: 1, horizonDays: 0, confidenceLevels: [2] })).toHaveLength(3);
  });

  it('portfolioRisk throws PortfolioRiskInputError with the messages', () => {
    const error = (() => {
      try {
        portfolioRisk({ ...valid, samples: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PortfolioRiskInputError);
    expect((error as PortfolioRiskInputError).errors).toEqual(['samples must be an integer from 100 to 2000000, got 1']);
  });
});

describe('alignment', () => {
  it('uses only dates common to every position: asOf, value and returns come from the common dates', () => {
    const a = rowsFrom(Array.from({ length: 40 }, (_, i) => 100 + i));
    // B misses a date in the window and has a later date than A
    const b: PriceRow[] = rowsFrom(Array.from({ length: 42 }, (_, i) => 200 - i)).filter((_, i) => i !== 30);
    const result = portfolioRisk({ ...valid, method: 'parametric', lookbackDays: 20, positions: [{ ticker: 'A', quantity: 2, prices: a }, { ticker: 'B', quantity: 3, prices: b }] });
    expect(result.asOf).toBe(a[39].date);
    expect(result.observations).toBe(20);
    expect(result.contributions.map((c) => c.price)).toEqual([139, 161]);
    expect(result.value).toBe(2 * 139 + 3 * 161);
    // with the gap only 39 dates are common
    expect(validatePortfolioRiskParams({ ...valid, lookbackDays: 39, positions: [{ ticker: 'A', quantity: 2, prices: a }, { ticker: 'B', quantity: 3, prices: b }] })).toEqual([
      'A and B share 39 trading days; lookbackDays 39 needs 40 (shortest history: A, 40 rows)',
    ]);
  });
});

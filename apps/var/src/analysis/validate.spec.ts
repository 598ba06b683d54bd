import { analyse, InvalidParamsError } from './analyse';
import { AnalysisParams } from './types';
import { validateParams } from './validate';

const prices = Array.from({ length: 30 }, (_, i) => ({ date: `2024-02-${String(i + 1).padStart(2, '0')}`, open: 10, high: 11, low: 9, close: 10 + i, adjClose: 10 + i }));
const valid: AnalysisParams = { prices, strategy: { kind: 'sma-crossover', period: 5, volatilityWindow: 10 }, samples: 1000, shards: 2 };

describe('validateParams', () => {
  it('accepts valid parameters', () => {
    expect(validateParams(valid)).toEqual([]);
  });

  it.each([
    [{ samples: 99 }, 'samples must be an integer from 100 to 10000000, got 99'],
    [{ samples: 10_000_001 }, 'samples must be an integer from 100 to 10000000, got 10000001'],
    [{ shards: 0 }, 'shards must be an integer from 1 to 16, got 0'],
    [{ shards: 17 }, 'shards must be an integer from 1 to 16, got 17'],
    [{ strategy: { kind: 'sma-crossover', period: 2, volatilityWindow: 10 } }, 'moving-average period A must be an integer of at least 3, got 2'],
    [{ strategy: { kind: 'sma-crossover', period: 5, volatilityWindow: 2 } }, 'volatility window V must be an integer of at least 3, got 2'],
    [{ strategy: { kind: 'sma-crossover', period: 5, volatilityWindow: 31 } }, 'volatility window V (31) is longer than the price history (30 rows)'],
    [{ strategy: { kind: 'three-soldiers-crows', history: 2, holdDays: 5 } }, 'history H must be an integer of at least 3, got 2'],
    [{ strategy: { kind: 'three-soldiers-crows', history: 40, holdDays: 5 } }, 'history H (40) is longer than the price history (30 rows)'],
    [{ prices: [] }, 'no prices: the price series is empty'],
    [{ confidenceLevels: [0.95, 1] }, 'confidence levels must be a non-empty list of numbers strictly between 0 and 1'],
  ] as [Partial<AnalysisParams>, string][])('%j', (change, message) => {
    expect(validateParams({ ...valid, ...change })).toContain(message);
  });

  it('reports every problem at once', () => {
    expect(validateParams({ ...valid, samples: 1, shards: 99 })).toHaveLength(2);
  });

  it('analyse rejects with the messages', async () => {
    await expect(analyse({ ...valid, shards: 0 })).rejects.toThrow(InvalidParamsError);
    await expect(analyse({ ...valid, shards: 0 })).rejects.toThrow('shards must be an integer from 1 to 16, got 0');
  });
});

import { DomainError, MAX_QUOTES_PER_BATCH } from '@finstack/contracts';
import { QuotesBodyPipe } from './quotes-body.pipe';

const quote = { ticker: 'aapl', price: '189.84', at: '2025-03-14T20:00:00Z' };

async function refusal(value: unknown): Promise<DomainError> {
  try {
    await new QuotesBodyPipe().transform(value);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('POST /quotes body', () => {
  it('wraps a single quote into a batch of one, ticker upper-cased', async () => {
    const body = await new QuotesBodyPipe().transform(quote);
    expect(body.quotes).toEqual([{ ...quote, ticker: 'AAPL' }]);
  });

  it('takes a batch as it is', async () => {
    const body = await new QuotesBodyPipe().transform({ quotes: [quote, { ...quote, ticker: 'MSFT', currency: 'USD' }] });
    expect(body.quotes.map((q) => q.ticker)).toEqual(['AAPL', 'MSFT']);
  });

  it.each([
    ['a bare array', [quote], /^expected a JSON object: send one quote \{ticker, price, at, currency\?\} or a batch \{quotes: \[\.\.\.\]\}$/],
    ['a string', 'AAPL 189.84', /^expected a JSON object/],
    ['an empty object', {}, /^no ticker and no quotes: send one quote/],
    ['a quote with a float price', { ...quote, price: 189.84 }, /^price must be a positive decimal string/],
    ['a quote without a time zone', { ...quote, at: '2025-03-14T20:00:00' }, /^at must name its time zone/],
    ['a quote with an extra field', { ...quote, volume: 1 }, /^property volume should not exist$/],
    ['quotes that are not a list', { quotes: 'AAPL' }, /quotes must be an array/],
    ['an empty batch', { quotes: [] }, /quotes must contain at least 1 elements/],
    ['a batch with a quote besides', { quotes: [quote], ...quote }, /property ticker should not exist/],
  ])('refuses %s with a 400 that says why', async (_label, value, message) => {
    const error = await refusal(value);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('names the bad quote of a batch by its position', async () => {
    const error = await refusal({ quotes: [quote, { ...quote, ticker: '1X' }] });
    expect(error.message).toMatch(/^ticker must be a stock symbol/);
    expect(error.details).toEqual([{ field: 'quotes.1.ticker', errors: [expect.stringMatching(/stock symbol/)] }]);
  });

  it(`refuses more than ${MAX_QUOTES_PER_BATCH} quotes in one batch`, async () => {
    const error = await refusal({ quotes: Array.from({ length: MAX_QUOTES_PER_BATCH + 1 }, () => quote) });
    expect(error.message).toBe(`quotes must hold at most ${MAX_QUOTES_PER_BATCH} items; split the batch`);
  });
});

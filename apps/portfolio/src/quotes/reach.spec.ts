import { AcceptedQuote } from './quote-plan';
import { FirstReach } from './reach';

const quotesAt = (prices: number[]): AcceptedQuote[] =>
  prices.map((price, position) => ({
    position,
    ticker: 'AAPL',
    priceMicro: BigInt(price),
    at: new Date(position * 1000),
    currency: 'USD',
    previousMicro: null,
  }));

describe('FirstReach', () => {
  it('finds the first quote at or beyond a target, in either direction', () => {
    const reach = new FirstReach(quotesAt([100, 105, 103, 110, 95]));
    expect(reach.of('above', 104n)?.position).toBe(1);
    expect(reach.of('above', 110n)?.position).toBe(3);
    expect(reach.of('above', 111n)).toBeUndefined();
    expect(reach.of('below', 100n)?.position).toBe(0);
    expect(reach.of('below', 99n)?.position).toBe(4);
    expect(reach.of('below', 94n)).toBeUndefined();
  });

  it('agrees with reading the quotes one by one', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 200; run += 1) {
      const prices = Array.from({ length: 1 + Math.floor(random() * 30) }, () => Math.floor(random() * 50));
      const quotes = quotesAt(prices);
      const reach = new FirstReach(quotes);
      for (let target = -1; target <= 51; target += 1) {
        expect(reach.of('above', BigInt(target))).toBe(quotes.find((quote) => quote.priceMicro >= BigInt(target)));
        expect(reach.of('below', BigInt(target))).toBe(quotes.find((quote) => quote.priceMicro <= BigInt(target)));
      }
    }
  });
});

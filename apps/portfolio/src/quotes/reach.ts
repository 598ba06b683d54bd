import { WatchDirection } from '@finstack/contracts';
import { AcceptedQuote } from './quote-plan';

/**
 * Finds, among a ticker's accepted quotes in time order, the first that
 * reaches a target: for 'above' the first price ≥ target, for 'below' the
 * first ≤ target. Running highs and lows only ever rise and fall, so a binary
 * search over them answers each entry in O(log quotes).
 */
export class FirstReach {
  private readonly highs: bigint[] = [];
  private readonly lows: bigint[] = [];

  constructor(private readonly quotes: readonly AcceptedQuote[]) {
    for (const [index, quote] of quotes.entries()) {
      this.highs.push(index === 0 || quote.priceMicro > this.highs[index - 1] ? quote.priceMicro : this.highs[index - 1]);
      this.lows.push(index === 0 || quote.priceMicro < this.lows[index - 1] ? quote.priceMicro : this.lows[index - 1]);
    }
  }

  of(direction: WatchDirection, targetMicro: bigint): AcceptedQuote | undefined {
    const reached = direction === 'above' ? (i: number) => this.highs[i] >= targetMicro : (i: number) => this.lows[i] <= targetMicro;
    let [low, high] = [0, this.quotes.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (reached(middle)) high = middle;
      else low = middle + 1;
    }
    return this.quotes[low];
  }
}

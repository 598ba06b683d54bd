import { CurrencyScore, ScoredAmount, ScoreView } from '@finstack/contracts';
import { fromMinorUnits, minorDigits, toMinorUnits } from '@finstack/money';

interface Running {
  digits: number;
  count: number;
  spent: bigint;
  received: bigint;
}

/**
 * Totals of a list of transactions per currency, exact: every amount becomes
 * integer minor units (one parse each), the sums stay bigint, and only the
 * results are written back as decimals. Spent is the sum of the negative
 * amounts shown positive, received the sum of the positive ones; a zero
 * amount is counted but adds nothing. Currencies come in alphabetical order.
 * Amounts must be valid for their currency (the message is validated first).
 */
export function scoreTransactions(items: readonly ScoredAmount[]): ScoreView {
  const byCurrency = new Map<string, Running>();
  for (let i = 0; i < items.length; i++) {
    const { amount, currency } = items[i];
    let running = byCurrency.get(currency);
    if (running === undefined) {
      running = { digits: minorDigits(currency), count: 0, spent: 0n, received: 0n };
      byCurrency.set(currency, running);
    }
    running.count += 1;
    const minor = toMinorUnits(amount, running.digits);
    if (minor < 0n) running.spent -= minor;
    else if (minor > 0n) running.received += minor;
  }
  const currencies: CurrencyScore[] = [...byCurrency.keys()].sort().map((currency) => {
    const { digits, count, spent, received } = byCurrency.get(currency)!;
    return {
      currency,
      count,
      totalSpent: fromMinorUnits(spent, digits),
      totalReceived: fromMinorUnits(received, digits),
      net: fromMinorUnits(received - spent, digits),
    };
  });
  return { count: items.length, currencies };
}

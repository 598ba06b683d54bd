import { CATEGORIES, MerchantSpec } from './merchants';
import { SeededRandom } from './random';
import { statementLine } from './statement-lines';

export interface LabelledLine {
  description: string;
  /** Decimal string, negative for money spent. */
  amount: string;
  currency: string;
  category: string;
  /** Which merchant wrote it: "Groceries/0". */
  merchant: string;
}

/**
 * One person's statement history: in every category they use
 * `merchantsPerCategory` of the listed merchants (drawn at random), and have
 * `perCategory` distinct lines. Lines are unique, so a line can never be both
 * learned and tested.
 */
export function userHistory(perCategory: number, merchantsPerCategory: number, random: SeededRandom): LabelledLine[] {
  const seen = new Set<string>();
  const lines: LabelledLine[] = [];
  for (const category of CATEGORIES) {
    const theirs = random.shuffle(category.merchants.map((_, index) => index)).slice(0, merchantsPerCategory);
    for (let made = 0; made < perCategory; ) {
      const index = random.pick(theirs);
      const description = uniqueLine(category.merchants[index], random, seen);
      if (description === undefined) continue;
      lines.push({
        description,
        amount: amountIn(category.amount, random),
        currency: 'EUR',
        category: category.name,
        merchant: `${category.name}/${index}`,
      });
      made += 1;
    }
  }
  return lines;
}

function uniqueLine(merchant: MerchantSpec, random: SeededRandom, seen: Set<string>): string | undefined {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const line = statementLine(merchant, random);
    if (!seen.has(line)) {
      seen.add(line);
      return line;
    }
  }
  return undefined; // this merchant's spellings are used up for now; another merchant is drawn
}

function amountIn([low, high]: readonly [number, number], random: SeededRandom): string {
  const cents = random.int(Math.round(low * 100), Math.round(high * 100));
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

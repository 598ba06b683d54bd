/**
 * A few months of a plausible personal ledger, generated deterministically so
 * that re-running the seed yields the same rows (and externalIds dedupe them).
 */
export interface DemoTransaction {
  externalId: string;
  occurredOn: string;
  amount: string;
  currency: 'EUR';
  description: string;
  merchant?: string;
  category: string;
}

interface Habit {
  description: string;
  merchant?: string;
  category: string;
  /** Days of the month it happens on, or a weekday cadence. */
  when: { monthDays: number[] } | { everyDays: number; offset: number };
  amount: [min: number, max: number];
}

const HABITS: Habit[] = [
  { description: 'Salary', merchant: 'Acme GmbH', category: 'Income', when: { monthDays: [27] }, amount: [3150, 3150] },
  { description: 'Rent', merchant: 'Hausverwaltung Schmidt', category: 'Housing', when: { monthDays: [1] }, amount: [-1180, -1180] },
  { description: 'Electricity', merchant: 'Stadtwerke', category: 'Utilities', when: { monthDays: [5] }, amount: [-64, -78] },
  { description: 'Mobile plan', merchant: 'Telekom', category: 'Utilities', when: { monthDays: [12] }, amount: [-24.99, -24.99] },
  { description: 'Music streaming', merchant: 'Spotify', category: 'Entertainment', when: { monthDays: [9] }, amount: [-10.99, -10.99] },
  { description: 'Weekly groceries', merchant: 'REWE', category: 'Groceries', when: { everyDays: 7, offset: 2 }, amount: [-38, -96] },
  { description: 'Bakery', merchant: 'Backwerk', category: 'Groceries', when: { everyDays: 3, offset: 1 }, amount: [-2.5, -7.8] },
  { description: 'Lunch', merchant: 'Vapiano', category: 'Dining', when: { everyDays: 9, offset: 4 }, amount: [-11, -19] },
  { description: 'Dinner out', merchant: 'Trattoria Roma', category: 'Dining', when: { everyDays: 16, offset: 6 }, amount: [-34, -72] },
  { description: 'Monthly transit pass', merchant: 'BVG', category: 'Transport', when: { monthDays: [2] }, amount: [-58, -58] },
  { description: 'Pharmacy', merchant: 'Apotheke am Markt', category: 'Health', when: { everyDays: 23, offset: 10 }, amount: [-6, -29] },
  { description: 'Online order', merchant: 'Amazon', category: 'Shopping', when: { everyDays: 11, offset: 3 }, amount: [-15, -120] },
  { description: 'Transfer to savings', category: 'Transfers', when: { monthDays: [28] }, amount: [-400, -400] },
  { description: 'Account fee', merchant: 'Bank', category: 'Fees', when: { monthDays: [30] }, amount: [-4.9, -4.9] },
];

/** Small deterministic PRNG (mulberry32): same seed, same ledger. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cents picked between min and max, formatted as an exact decimal string. */
function amountBetween(min: number, max: number, next: () => number): string {
  const [low, high] = [Math.round(min * 100), Math.round(max * 100)].sort((a, b) => a - b);
  const cents = low + Math.floor(next() * (high - low + 1));
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

export function demoLedger(months: number, today: Date): DemoTransaction[] {
  const next = random(20250101);
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1);
  const rows: DemoTransaction[] = [];
  for (let day = start, index = 0; day <= end; day += 86_400_000, index += 1) {
    const date = new Date(day);
    const occurredOn = date.toISOString().slice(0, 10);
    for (const habit of HABITS) {
      const happens =
        'monthDays' in habit.when
          ? habit.when.monthDays.includes(date.getUTCDate())
          : index % habit.when.everyDays === habit.when.offset;
      if (!happens) continue;
      rows.push({
        externalId: `demo-${occurredOn}-${habit.description.toLowerCase().replace(/\W+/g, '-')}`,
        occurredOn,
        amount: amountBetween(habit.amount[0], habit.amount[1], next),
        currency: 'EUR',
        description: habit.description,
        merchant: habit.merchant,
        category: habit.category,
      });
    }
  }
  return rows;
}

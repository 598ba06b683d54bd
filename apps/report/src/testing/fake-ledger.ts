import { AggregateTransactionsMessage, DomainError, LEDGER, TransactionAggregate } from '@finstack/contracts';
import { minorDigits, toMinorUnits } from '@finstack/money';
import { LedgerClient } from '../ledger/ledger-client';

export interface FakeTransaction {
  occurredOn: string;
  amount: string;
  currency: string;
  description: string;
  merchant?: string;
  categoryId?: string;
  categoryName?: string;
}

/**
 * The ledger's aggregate pattern, in memory, as the contract describes it:
 * per user, days in [from, to] both included, one group per currency and
 * key, spent as a positive sum, minor units as text; categories labelled by
 * name, merchants keyed by payee in lower case and labelled as written.
 * Groups come back in an order nothing should rely on (greatest key first).
 */
export class FakeLedger implements LedgerClient {
  private readonly transactions: { userId: string; transaction: FakeTransaction }[] = [];
  /** Every aggregate message received, in order. */
  readonly received: AggregateTransactionsMessage[] = [];
  /** When set, every call fails with it, as a ledger that is down would. */
  failure?: DomainError;

  add(userId: string, ...transactions: FakeTransaction[]): void {
    for (const transaction of transactions) this.transactions.push({ userId, transaction });
  }

  /** The messages received with this grouping. */
  asked(groupBy: AggregateTransactionsMessage['groupBy']): AggregateTransactionsMessage[] {
    return this.received.filter((message) => message.groupBy === groupBy);
  }

  send: LedgerClient['send'] = async (pattern, payload) => {
    if (pattern !== LEDGER.aggregateTransactions) throw new Error(`the fake ledger does not answer ${pattern}`);
    const message = structuredClone(payload) as AggregateTransactionsMessage;
    this.received.push(message);
    if (this.failure) throw this.failure;
    return this.aggregate(message) as Awaited<ReturnType<LedgerClient['send']>>;
  };

  private aggregate({ userId, from, to, groupBy, currency }: AggregateTransactionsMessage): TransactionAggregate[] {
    const groups = new Map<string, TransactionAggregate & { spent: bigint; received: bigint }>();
    for (const stored of this.transactions) {
      const t = stored.transaction;
      if (stored.userId !== userId || t.occurredOn < from || t.occurredOn > to) continue;
      if (currency !== undefined && t.currency !== currency) continue;
      const key = keyOf(t, groupBy);
      const id = `${t.currency}|${key}`;
      let group = groups.get(id);
      if (!group) {
        const label = key === null ? null : groupBy === 'category' ? (t.categoryName ?? null) : groupBy === 'merchant' ? payee(t) : null;
        group = { key, label, currency: t.currency, spentMinor: '0', receivedMinor: '0', count: 0, spent: 0n, received: 0n };
        groups.set(id, group);
      }
      const minor = toMinorUnits(t.amount, minorDigits(t.currency));
      if (minor < 0n) group.spent -= minor;
      else group.received += minor;
      group.count += 1;
    }
    return [...groups.values()]
      .sort((a, b) => String(b.key).localeCompare(String(a.key)))
      .map(({ spent, received, ...group }) => ({ ...group, spentMinor: String(spent), receivedMinor: String(received) }));
  }
}

function keyOf(t: FakeTransaction, groupBy: AggregateTransactionsMessage['groupBy']): string | null {
  switch (groupBy) {
    case 'day':
      return t.occurredOn;
    case 'month':
      return t.occurredOn.slice(0, 7);
    case 'category':
      return t.categoryId ?? null;
    case 'merchant':
      return payee(t).toLowerCase() || null;
  }
}

/** The real ledger normalises payees further ("POS TESCO 123" → "tesco"); here a payee is the merchant or description as written. */
const payee = (t: FakeTransaction) => (t.merchant ?? t.description).trim();

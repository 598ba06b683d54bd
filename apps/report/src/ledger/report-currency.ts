import { DomainError, ErrorCode, TransactionAggregate } from '@finstack/contracts';
import { LedgerAggregates, ReportScope } from './ledger-aggregates';

export interface ChosenCurrency {
  /** Null when none was asked for and the period holds no transactions. */
  currency: string | null;
  /** The period's totals by month in that currency, when choosing already read them. */
  months?: TransactionAggregate[];
}

/**
 * Which currency a report is in. Amounts in different currencies are never
 * added, so: the one asked for; else the only one the period holds (read
 * from its monthly totals, which the report can reuse); none when the period
 * is empty; and with several, the caller is told to choose.
 */
export async function chooseCurrency(
  aggregates: LedgerAggregates,
  scope: ReportScope,
  requested: string | undefined,
): Promise<ChosenCurrency> {
  if (requested !== undefined) return { currency: requested };
  const months = await aggregates.fetch(scope, 'month');
  const currencies = [...new Set(months.map((month) => month.currency))].sort();
  if (currencies.length === 0) return { currency: null, months: [] };
  if (currencies.length === 1) return { currency: currencies[0], months };
  throw new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `from ${scope.from} to ${scope.to} there are transactions in ${currencies.length} currencies ` +
      `(${currencies.join(', ')}); pass ?currency= with one of them`,
    { currencies },
  );
}

import { AggregateDimension, LEDGER, TransactionAggregate } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { dayNumber, dayText } from '../period/calendar';
import { ReportPeriod } from '../period/report-period';
import { InjectLedger, LedgerClient } from './ledger-client';

/** Whose transactions, over which days, on behalf of which request. */
export interface ReportScope extends ReportPeriod {
  userId: string;
  requestId?: string;
}

/**
 * Days asked for in one message. A day row is about 100 bytes of JSON per
 * currency, so 2,000 days stay far below the 2 MB TCP frame, while a weekly
 * cash flow over 50 years (18,000+ days) is read in 10 messages.
 */
export const DAYS_PER_MESSAGE = 2_000;

/** The ledger's totals of a user's transactions; the report service never reads transactions one by one. */
@Injectable()
export class LedgerAggregates {
  constructor(@InjectLedger() private readonly ledger: LedgerClient) {}

  /** Totals by `groupBy`, in `currency` only when given; the `limit` groups with the most spending when given. */
  async fetch(
    scope: ReportScope,
    groupBy: AggregateDimension,
    currency?: string,
    limit?: number,
  ): Promise<TransactionAggregate[]> {
    const windows = groupBy === 'day' ? dayWindows(scope) : [scope];
    const answers = await Promise.all(
      windows.map(({ from, to }) =>
        this.ledger.send(LEDGER.aggregateTransactions, {
          userId: scope.userId,
          requestId: scope.requestId,
          from,
          to,
          groupBy,
          ...(currency === undefined ? {} : { currency }),
          ...(limit === undefined ? {} : { limit }),
        }),
      ),
    );
    return answers.flat();
  }
}

function dayWindows({ from, to }: ReportPeriod): ReportPeriod[] {
  const last = dayNumber(to);
  const windows: ReportPeriod[] = [];
  for (let start = dayNumber(from); start <= last; start += DAYS_PER_MESSAGE) {
    windows.push({ from: dayText(start), to: dayText(Math.min(start + DAYS_PER_MESSAGE - 1, last)) });
  }
  return windows;
}

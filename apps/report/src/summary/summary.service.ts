import { MAX_MERCHANT_ROWS, SummaryCsv, SummaryQuery, SummaryView } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { summaryCsv } from '../csv/summary-csv';
import { LedgerAggregates } from '../ledger/ledger-aggregates';
import { chooseCurrency } from '../ledger/report-currency';
import { resolvePeriod } from '../period/report-period';
import { buildSummary } from './build-summary';

/** A user's spending and income over a period, from three of the ledger's aggregates read side by side. */
@Injectable()
export class SummaryService {
  constructor(
    private readonly aggregates: LedgerAggregates,
    private readonly clock: Clock,
  ) {}

  async summary(userId: string, requestId: string | undefined, query: SummaryQuery): Promise<SummaryView> {
    const period = resolvePeriod(query, this.clock.today());
    const groupBy = query.groupBy ?? 'month';
    const scope = { userId, requestId, ...period };
    const chosen = await chooseCurrency(this.aggregates, scope, query.currency);
    const currency = chosen.currency;
    if (currency === null) return buildSummary({ period, currency, groupBy, months: [], categories: [], merchants: [] });
    const [months, categories, merchants] = await Promise.all([
      chosen.months ?? this.aggregates.fetch(scope, 'month', currency),
      this.aggregates.fetch(scope, 'category', currency),
      // One more than is shown tells whether an "Other merchants" row is needed.
      this.aggregates.fetch(scope, 'merchant', currency, MAX_MERCHANT_ROWS + 1),
    ]);
    return buildSummary({ period, currency, groupBy, months, categories, merchants });
  }

  async csv(userId: string, requestId: string | undefined, query: SummaryQuery): Promise<SummaryCsv> {
    return summaryCsv(await this.summary(userId, requestId, query));
  }
}

import { CashflowQuery, CashflowView, DomainError, ErrorCode, MAX_CASHFLOW_POINTS } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LedgerAggregates } from '../ledger/ledger-aggregates';
import { chooseCurrency } from '../ledger/report-currency';
import { resolvePeriod } from '../period/report-period';
import { buildCashflow } from './build-cashflow';
import { splitPeriod } from './cashflow-intervals';

const INTERVAL_NAMES = { day: 'daily', week: 'weekly', month: 'monthly' } as const;

/** Money in and out per day, week or month, from the ledger's daily or monthly totals. */
@Injectable()
export class CashflowService {
  constructor(
    private readonly aggregates: LedgerAggregates,
    private readonly clock: Clock,
  ) {}

  async cashflow(userId: string, requestId: string | undefined, query: CashflowQuery): Promise<CashflowView> {
    const period = resolvePeriod(query, this.clock.today());
    const interval = query.interval ?? 'month';
    const split = splitPeriod(period, interval);
    if (split.count > MAX_CASHFLOW_POINTS) {
      const message =
        `a ${INTERVAL_NAMES[interval]} cash flow from ${period.from} to ${period.to} would have ${split.count} points, ` +
        `at most ${MAX_CASHFLOW_POINTS} are allowed: choose a shorter period or a longer interval`;
      throw new DomainError(ErrorCode.VALIDATION_FAILED, message, [{ field: 'interval', errors: [message] }]);
    }
    const scope = { userId, requestId, ...period };
    const chosen = await chooseCurrency(this.aggregates, scope, query.currency);
    const currency = chosen.currency;
    if (currency === null) return buildCashflow({ period, currency, interval, split, aggregates: [] });
    const aggregates =
      interval === 'month'
        ? (chosen.months ?? (await this.aggregates.fetch(scope, 'month', currency)))
        : await this.aggregates.fetch(scope, 'day', currency);
    return buildCashflow({ period, currency, interval, split, aggregates });
  }
}

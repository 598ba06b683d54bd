import { DomainError, ErrorCode, MAX_REPORT_MONTHS, ReportPeriodQuery } from '@finstack/contracts';
import { firstDayOfMonth, monthNumber } from './calendar';

/** Days from `from` to `to`, both included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** Months a default period covers: the month of `to` and the 11 before it. */
const DEFAULT_MONTHS = 12;

/**
 * The period a report covers: `to` defaults to today (UTC), `from` to the
 * first day of the month 11 months before `to`. A reversed or overlong period
 * is refused with a message that says what to change.
 */
export function resolvePeriod(query: Pick<ReportPeriodQuery, 'from' | 'to'>, today: string): ReportPeriod {
  const to = query.to ?? today;
  const from = query.from ?? firstDayOfMonth(monthNumber(to) - (DEFAULT_MONTHS - 1));
  if (from > to) {
    const toSource = query.to === undefined ? ', today by default' : '';
    throw refused('from', `from (${from}) must not be after to (${to}${toSource})`);
  }
  const months = monthNumber(to) - monthNumber(from) + 1;
  if (months > MAX_REPORT_MONTHS) {
    throw refused(
      'from',
      `a report covers at most ${MAX_REPORT_MONTHS / 12} years (${MAX_REPORT_MONTHS} calendar months); ` +
        `${from} to ${to} spans ${months} months`,
    );
  }
  return { from, to };
}

function refused(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, [{ field, errors: [message] }]);
}

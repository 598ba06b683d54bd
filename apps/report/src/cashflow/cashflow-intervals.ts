import { CashflowInterval } from '@finstack/contracts';
import { dayNumber, dayText, firstDayOfMonth, lastDayOfMonth, mondayOf, monthNumber } from '../period/calendar';
import { ReportPeriod } from '../period/report-period';

/**
 * How a period divides into days, ISO weeks (Monday to Sunday) or calendar
 * months: how many there are, which one a day falls in, and the days of
 * each, clipped to the period (a week that began before `from` starts on `from`).
 */
export interface IntervalSplit {
  count: number;
  /** Index of the interval holding this day ("YYYY-MM-DD") or month ("YYYY-MM"); out of [0, count) when outside. */
  indexOf(key: string): number;
  bounds(index: number): ReportPeriod;
}

export function splitPeriod(period: ReportPeriod, interval: CashflowInterval): IntervalSplit {
  const clip = (start: string, end: string): ReportPeriod => ({
    from: start < period.from ? period.from : start,
    to: end > period.to ? period.to : end,
  });
  switch (interval) {
    case 'day': {
      const first = dayNumber(period.from);
      return {
        count: dayNumber(period.to) - first + 1,
        indexOf: (key) => dayNumber(key) - first,
        bounds: (index) => ({ from: dayText(first + index), to: dayText(first + index) }),
      };
    }
    case 'week': {
      const firstMonday = mondayOf(dayNumber(period.from));
      return {
        count: (mondayOf(dayNumber(period.to)) - firstMonday) / 7 + 1,
        indexOf: (key) => Math.floor((dayNumber(key) - firstMonday) / 7),
        bounds: (index) => clip(dayText(firstMonday + 7 * index), dayText(firstMonday + 7 * index + 6)),
      };
    }
    case 'month': {
      const first = monthNumber(period.from);
      return {
        count: monthNumber(period.to) - first + 1,
        indexOf: (key) => monthNumber(key) - first,
        bounds: (index) => clip(firstDayOfMonth(first + index), lastDayOfMonth(first + index)),
      };
    }
  }
}

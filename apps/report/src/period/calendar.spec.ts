import { dayNumber, dayText, firstDayOfMonth, lastDayOfMonth, mondayOf, monthNumber, monthText, todayUtc } from './calendar';

describe('calendar arithmetic', () => {
  it('round-trips days, also before 1970 and across leap days', () => {
    for (const day of ['1900-01-01', '1969-12-31', '1970-01-01', '2024-02-29', '2025-12-31', '2999-12-31']) {
      expect(dayText(dayNumber(day))).toBe(day);
    }
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });

  it('knows the first and last day of each month', () => {
    expect(monthText(monthNumber('2025-01-31'))).toBe('2025-01');
    expect(monthText(monthNumber('2025-01') - 1)).toBe('2024-12');
    expect(firstDayOfMonth(monthNumber('2025-03'))).toBe('2025-03-01');
    expect(lastDayOfMonth(monthNumber('2024-02'))).toBe('2024-02-29');
    expect(lastDayOfMonth(monthNumber('2025-02'))).toBe('2025-02-28');
    expect(lastDayOfMonth(monthNumber('2025-12'))).toBe('2025-12-31');
  });

  it('finds the Monday of an ISO week, across a year end and before 1970', () => {
    expect(dayText(mondayOf(dayNumber('2025-01-01')))).toBe('2024-12-30'); // a Wednesday
    expect(dayText(mondayOf(dayNumber('2024-12-30')))).toBe('2024-12-30'); // a Monday
    expect(dayText(mondayOf(dayNumber('2025-01-05')))).toBe('2024-12-30'); // a Sunday
    expect(dayText(mondayOf(dayNumber('1969-12-31')))).toBe('1969-12-29');
  });

  it('takes today in UTC, not in local time', () => {
    expect(todayUtc(new Date('2025-01-31T23:30:00-05:00'))).toBe('2025-02-01');
  });
});

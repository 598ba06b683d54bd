import { isCalendarDate } from './validation';

describe('calendar dates', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-12-31')).toBe(true);
  });

  it('refuses impossible or oddly written dates', () => {
    for (const bad of ['2023-02-29', '2025-13-01', '2025-04-31', '2025-1-1', '20250101', '1899-12-31', 20250101]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });
});

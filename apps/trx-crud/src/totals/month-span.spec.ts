import { splitIntoMonths } from './month-span';

describe('splitIntoMonths', () => {
  it('reads a period of whole months from the totals alone', () => {
    expect(splitIntoMonths('2021-11-01', '2026-10-31')).toEqual({
      wholeMonths: { first: '2021-11', last: '2026-10' },
      partialDays: [],
    });
  });

  it('reads the days before and after the whole months from the transactions', () => {
    expect(splitIntoMonths('2025-01-15', '2025-04-10')).toEqual({
      wholeMonths: { first: '2025-02', last: '2025-03' },
      partialDays: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    });
  });

  it('knows the last day of February in leap and common years', () => {
    expect(splitIntoMonths('2024-02-01', '2024-02-29').wholeMonths).toEqual({ first: '2024-02', last: '2024-02' });
    expect(splitIntoMonths('2025-02-01', '2025-02-28').wholeMonths).toEqual({ first: '2025-02', last: '2025-02' });
    expect(splitIntoMonths('2024-02-01', '2024-02-28')).toEqual({ partialDays: [{ from: '2024-02-01', to: '2024-02-28' }] });
  });

  it('keeps a period inside one month, or across a year end without a whole month, as days', () => {
    expect(splitIntoMonths('2025-03-05', '2025-03-05')).toEqual({ partialDays: [{ from: '2025-03-05', to: '2025-03-05' }] });
    expect(splitIntoMonths('2024-12-10', '2025-01-20')).toEqual({
      partialDays: [{ from: '2024-12-10', to: '2025-01-20' }],
    });
  });

  it('crosses a year end', () => {
    expect(splitIntoMonths('2024-12-31', '2025-02-01')).toEqual({
      wholeMonths: { first: '2025-01', last: '2025-01' },
      partialDays: [
        { from: '2024-12-31', to: '2024-12-31' },
        { from: '2025-02-01', to: '2025-02-01' },
      ],
    });
  });
});

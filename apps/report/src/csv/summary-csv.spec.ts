import { SummaryView } from '@finstack/contracts';
import { summaryCsv, summaryFileName } from './summary-csv';

const zero = { spent: '0.00', received: '0.00', net: '0.00', count: 0 };

const view = (fields: Partial<SummaryView>): SummaryView => ({
  from: '2025-01-01',
  to: '2025-12-31',
  currency: 'EUR',
  groupBy: 'merchant',
  rows: [],
  totals: zero,
  savingsRate: null,
  topCategories: [],
  topMerchants: [],
  monthOverMonth: [],
  ...fields,
});

describe('summary as CSV', () => {
  it('writes a header, one line per row and a total line; amounts stay numbers', () => {
    const { csv } = summaryCsv(
      view({
        rows: [
          { key: '=cmd|calc', label: '=cmd|calc', spent: '12.50', received: '0.00', net: '-12.50', count: 1 },
          { key: 'Smith, "Jr"', label: 'Smith, "Jr"', spent: '0.00', received: '3.00', net: '3.00', count: 2 },
          { key: null, label: 'Other merchants', spent: '1.00', received: '0.00', net: '-1.00', count: 4 },
        ],
        totals: { spent: '13.50', received: '3.00', net: '-10.50', count: 7 },
      }),
    );
    expect(csv.split('\r\n')).toEqual([
      'key,label,currency,spent,received,net,count',
      "'=cmd|calc,'=cmd|calc,EUR,12.50,0.00,-12.50,1",
      '"Smith, ""Jr""","Smith, ""Jr""",EUR,0.00,3.00,3.00,2',
      ',Other merchants,EUR,1.00,0.00,-1.00,4',
      ',Total,EUR,13.50,3.00,-10.50,7',
      '',
    ]);
  });

  it('names the file after the period, the currency and the grouping', () => {
    expect(summaryFileName({ from: '2025-01-01', to: '2025-12-31', currency: 'EUR', groupBy: 'month' })).toBe(
      'summary-2025-01-01-2025-12-31-EUR.csv',
    );
    expect(summaryFileName({ from: '2025-01-01', to: '2025-12-31', currency: null, groupBy: 'category' })).toBe(
      'summary-by-category-2025-01-01-2025-12-31.csv',
    );
  });
});

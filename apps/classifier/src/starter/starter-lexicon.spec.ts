import { normaliseStatement } from '@finstack/statement-text';
import { findStarterKeyword } from './starter-lexicon';

const ids: Record<string, string> = { Groceries: 'g', Dining: 'd', Transport: 't', Income: 'i', Fees: 'f' };
const find = (line: string, direction: 'spent' | 'received' | null = 'spent') =>
  findStarterKeyword(normaliseStatement(line), direction, (name) => ids[name]);

describe('findStarterKeyword', () => {
  it('finds common merchants in noisy statement lines', () => {
    expect(find('POS TESCO STORES 3297 LONDON')).toEqual({ keyword: 'tesco', categoryId: 'g' });
    expect(find('VISA REWE MARKT 12/03')).toEqual({ keyword: 'rewe', categoryId: 'g' });
    expect(find('SHELL 0042 OXFORD ST')).toEqual({ keyword: 'shell', categoryId: 't' });
  });

  it('prefers the longer keyword: "uber eats" is dining, "uber" transport', () => {
    expect(find('UBER EATS PENDING')?.categoryId).toBe('d');
    expect(find('UBER *TRIP HELP.UBER.COM')?.categoryId).toBe('t');
  });

  it('heeds the direction of the money', () => {
    expect(find('SALARY ACME LTD', 'received')).toEqual({ keyword: 'salary', categoryId: 'i' });
    expect(find('SALARY ADVANCE REPAYMENT', 'spent')).toBeUndefined();
    expect(find('INTEREST CHARGED', 'spent')).toEqual({ keyword: 'interest charged', categoryId: 'f' });
    expect(find('CREDIT INTEREST', 'received')?.categoryId).toBe('i');
  });

  it('skips a keyword whose category the user no longer has', () => {
    expect(find('NETFLIX.COM')).toBeUndefined(); // no Entertainment category here
  });

  it('matches whole words only', () => {
    expect(find('SHELLFISH SHACK')).toBeUndefined();
  });
});

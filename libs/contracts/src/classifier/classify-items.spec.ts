import 'reflect-metadata';
import { validate } from 'class-validator';
import { classifyItemProblems, MAX_CLASSIFY_CATEGORIES } from './classify-items';
import { ClassifyMessage } from './messages';

const good = { description: 'REWE Markt 1042 Berlin', amount: '-12.34', currency: 'EUR' };

async function refusal(items: unknown): Promise<string | undefined> {
  const message = Object.assign(new ClassifyMessage(), { userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', items });
  const errors = await validate(message, { whitelist: true, forbidNonWhitelisted: true });
  return errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; ') || undefined;
}

describe('the items of a classify batch', () => {
  it('accepts what an import sends, with or without a merchant', async () => {
    expect(await refusal([good, { ...good, merchant: 'REWE' }, { ...good, merchant: null }])).toBeUndefined();
    expect(await refusal([{ description: 'x'.repeat(500), amount: '999999999999.9999', currency: 'JPY' }])).toBeUndefined();
  });

  it.each([
    [{ ...good, description: '' }, 'items.0.description must be text of 1 to 500 characters'],
    [{ ...good, description: 'x'.repeat(501) }, 'items.0.description must be text'],
    [{ ...good, description: 42 }, 'items.0.description must be text'],
    [{ ...good, merchant: '' }, 'items.0.merchant must be text of 1 to 200 characters'],
    [{ ...good, amount: '1e3' }, 'items.0.amount must be a decimal string'],
    [{ ...good, amount: -12.34 }, 'items.0.amount must be a decimal string'],
    [{ ...good, amount: '1.23456' }, 'items.0.amount must be a decimal string'],
    [{ ...good, currency: 'usd' }, 'items.0.currency must be an upper-case ISO 4217 currency code'],
    [{ ...good, category: 'food' }, 'property items.0.category should not exist'],
    ['REWE', 'items.0 must be an object'],
    [null, 'items.0 must be an object'],
  ])('refuses %j by name', async (item, expected) => {
    expect(await refusal([item])).toContain(expected);
  });

  it('refuses an empty batch, one over 1,000 items and a batch that is not a list', async () => {
    expect(await refusal([])).toBe('items must hold 1 to 1000 entries');
    expect(await refusal(Array.from({ length: 1001 }, () => good))).toBe('items must hold 1 to 1000 entries');
    expect(await refusal({ 0: good })).toBe('items must be an array');
  });

  it('names the bad items by index, at most ten of them', () => {
    const items = [good, { ...good, currency: 'eur' }, ...Array.from({ length: 30 }, () => ({ ...good, amount: 'x' }))];
    const problems = classifyItemProblems(items);
    expect(problems).toHaveLength(10);
    expect(problems[0]).toMatch(/^items\.1\.currency/);
    expect(problems[1]).toMatch(/^items\.2\.amount/);
  });
});

describe('the categories a classify message carries', () => {
  const category = (i: number) => ({ id: `7c9e6679-7425-40de-944b-${String(i).padStart(12, '0')}`, name: `Category ${i}`, kind: 'expense' });

  async function categoriesRefusal(categories: unknown): Promise<string | undefined> {
    const message = Object.assign(new ClassifyMessage(), { userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', items: [good], categories });
    const errors = await validate(message, { whitelist: true, forbidNonWhitelisted: true });
    return errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; ') || undefined;
  }

  it(`accepts none, or up to ${MAX_CLASSIFY_CATEGORIES}, and refuses one more`, async () => {
    expect(await categoriesRefusal(undefined)).toBeUndefined();
    expect(await categoriesRefusal([])).toBeUndefined();
    expect(await categoriesRefusal(Array.from({ length: MAX_CLASSIFY_CATEGORIES }, (_, i) => category(i)))).toBeUndefined();
    expect(await categoriesRefusal(Array.from({ length: MAX_CLASSIFY_CATEGORIES + 1 }, (_, i) => category(i)))).toBe(
      `categories must hold at most ${MAX_CLASSIFY_CATEGORIES} entries`,
    );
  });

  it.each([
    [{ ...category(1), id: 'food' }, 'categories.0.id must be a UUID'],
    [{ ...category(1), name: '' }, 'categories.0.name must be text of 1 to 100 characters'],
    [{ ...category(1), kind: 'savings' }, 'categories.0.kind must be one of expense, income, transfer'],
    [{ ...category(1), color: 'red' }, 'property categories.0.color should not exist'],
    ['Food', 'categories.0 must be an object'],
  ])('refuses %j by name', async (item, expected) => {
    expect(await categoriesRefusal([item])).toContain(expected);
  });
});

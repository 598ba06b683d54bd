import { validate } from 'class-validator';
import { ScoreBody, ScoreMessage } from './score.dto';
import { scoredItemProblems } from './scored-items';

const problemsOf = async (dto: ScoreBody | ScoreMessage) =>
  (await validate(dto, { whitelist: true, forbidNonWhitelisted: true })).flatMap((error) => Object.values(error.constraints ?? {}));
const body = (transactions: unknown) => Object.assign(new ScoreBody(), { transactions });

describe('checking the items of a score list', () => {
  it('accepts valid amounts at each currency scale, with the optional fields of a body', async () => {
    const items = [
      { amount: '-12.34', currency: 'EUR', occurredOn: '2025-03-14', description: 'Lunch' },
      { amount: '1500', currency: 'JPY' },
      { amount: '0.125', currency: 'KWD' },
      { amount: '0', currency: 'USD' },
    ];
    expect(await problemsOf(body(items))).toEqual([]);
  });

  it('names each problem by index and field, with the rules of the ledger’s own fields', () => {
    expect(
      scoredItemProblems(
        [
          { amount: '1.5', currency: 'JPY' },
          { amount: 12, currency: 'usd' },
          null,
          { amount: '1', currency: 'EUR', occurredOn: '2025-02-30', description: 'x'.repeat(501), id: 'mine' },
        ],
        'with-date-and-description',
      ),
    ).toEqual([
      'transactions.0.amount has more decimals than JPY allows (0)',
      'transactions.1.amount must be a decimal string such as "-12.34", below 10^12 in size and with at most 4 decimals',
      'transactions.1.currency must be an upper-case ISO 4217 currency code such as "EUR"',
      'transactions.2 must be an object with amount and currency',
      'property transactions.3.id should not exist',
      'transactions.3.occurredOn must be a real date written YYYY-MM-DD, between 1900 and 2999',
      'transactions.3.description must be text of at most 500 characters',
    ]);
  });

  it('takes only amount and currency over TCP: the gateway leaves the rest out', () => {
    expect(scoredItemProblems([{ amount: '1', currency: 'EUR', description: 'x' }], 'amount-and-currency')).toEqual([
      'property transactions.0.description should not exist',
    ]);
  });

  it('lists the first ten problems only', async () => {
    const [message] = await problemsOf(body(Array.from({ length: 50 }, () => ({ amount: 'x', currency: 'EUR' }))));
    expect(message.split('; ')).toHaveLength(11);
    expect(message).toMatch(/transactions\.9\.amount .*; and more$/);
  });

  it('refuses 10,001 items with one message, whatever they hold', async () => {
    const tooMany = Array.from({ length: 10_001 }, () => ({ amount: 'bad' }));
    expect(await problemsOf(Object.assign(new ScoreMessage(), { transactions: tooMany }))).toEqual([
      'transactions must hold at most 10000 items; split the list',
    ]);
  });

  it('refuses a missing list plainly', async () => {
    expect(await problemsOf(body(undefined))).toEqual(['transactions must be an array']);
  });
});

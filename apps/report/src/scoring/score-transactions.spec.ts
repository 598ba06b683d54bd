import { scoreTransactions } from './score-transactions';

describe('scoreTransactions', () => {
  it('adds 0.1 and 0.2 exactly', () => {
    expect(
      scoreTransactions([
        { amount: '0.1', currency: 'USD' },
        { amount: '0.2', currency: 'USD' },
      ]),
    ).toEqual({
      count: 2,
      currencies: [{ currency: 'USD', count: 2, totalSpent: '0.00', totalReceived: '0.30', net: '0.30' }],
    });
  });

  it('keeps each currency apart, in alphabetical order, at its own scale', () => {
    const view = scoreTransactions([
      { amount: '-1500', currency: 'JPY' },
      { amount: '12.345', currency: 'KWD' },
      { amount: '-0.001', currency: 'KWD' },
      { amount: '-10.00', currency: 'USD' },
      { amount: '2500', currency: 'JPY' },
      { amount: '-0.5', currency: 'EUR' },
    ]);
    expect(view.count).toBe(6);
    expect(view.currencies).toEqual([
      { currency: 'EUR', count: 1, totalSpent: '0.50', totalReceived: '0.00', net: '-0.50' },
      { currency: 'JPY', count: 2, totalSpent: '1500', totalReceived: '2500', net: '1000' },
      { currency: 'KWD', count: 2, totalSpent: '0.001', totalReceived: '12.345', net: '12.344' },
      { currency: 'USD', count: 1, totalSpent: '10.00', totalReceived: '0.00', net: '-10.00' },
    ]);
  });

  it('counts zero amounts without adding anything, whatever their sign', () => {
    expect(
      scoreTransactions([
        { amount: '0', currency: 'EUR' },
        { amount: '-0.00', currency: 'EUR' },
      ]).currencies,
    ).toEqual([{ currency: 'EUR', count: 2, totalSpent: '0.00', totalReceived: '0.00', net: '0.00' }]);
  });

  it('stays exact where doubles would not: 10,000 of the largest amounts', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      amount: i % 2 === 0 ? '999999999999.99' : '-0.01',
      currency: 'USD',
    }));
    expect(scoreTransactions(items).currencies[0]).toEqual({
      currency: 'USD',
      count: 10_000,
      totalSpent: '50.00',
      totalReceived: '4999999999999950.00',
      net: '4999999999999900.00',
    });
  });

  it('scores nothing as nothing', () => {
    expect(scoreTransactions([])).toEqual({ count: 0, currencies: [] });
  });
});

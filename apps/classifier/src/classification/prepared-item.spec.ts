import { prepareItem, prepareItems } from './prepared-item';

describe('prepareItems', () => {
  const items = [
    { description: 'REWE Markt 1000 Berlin', amount: '-12.30', currency: 'EUR' },
    { description: 'REWE MARKT 2417 BERLIN', amount: '-4.05', currency: 'EUR' },
    { description: 'Markt Berlin', merchant: 'REWE', amount: '-1', currency: 'EUR' },
    { description: '12.03.2025 4711', amount: '-1', currency: 'EUR' },
    { description: 'Gehalt Arbeitgeber 1004', amount: '2500', currency: 'EUR' },
  ];

  it('prepares a batch exactly as each item alone', () => {
    expect(prepareItems(items)).toEqual(items.map((item) => prepareItem(item)));
  });

  it('gives lines that normalise alike one set of features, and keeps each its own amount', () => {
    const [first, second] = prepareItems(items);
    expect(second.features).toBe(first.features);
    expect(second.payee).toBe(first.payee);
    expect(second.subject).not.toEqual(first.subject); // -4.05, not -12.30: rules on amounts still see each its own
  });
});

import { payeeLabel, payeeOf } from './payee';

describe('payeeOf', () => {
  it('reads one payee from every spelling a bank writes', () => {
    expect(payeeOf('POS VISA TESCO STORES 3297 14/03 LONDON GB', null)).toBe('tesco stores');
    expect(payeeOf('TESCO STORES 1022 MANCHESTER', null)).toBe('tesco stores');
  });

  it('prefers the merchant to the description', () => {
    expect(payeeOf('CARD 1234 REF 99812', 'Blue Bottle')).toBe('blue bottle');
  });

  it('is empty when nothing recognisable is left', () => {
    expect(payeeOf('12345 67890', null)).toBe('');
  });
});

describe('payeeLabel', () => {
  it('capitalises each word, accents and all', () => {
    expect(payeeLabel('tesco stores')).toBe('Tesco Stores');
    expect(payeeLabel('émile zola')).toBe('Émile Zola');
  });
});

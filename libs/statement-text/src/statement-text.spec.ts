import { normaliseStatement, payeeKey } from './statement-text';

describe('normaliseStatement', () => {
  it.each([
    ['POS VISA TESCO STORES 3297 14/03 LONDON GB', 'tesco stores'],
    ['CARD PAYMENT TO TESCO STORES 3297 ON 12/03', 'tesco stores'],
    ['VISA DEBIT PURCHASE TESCO 12MAR', 'tesco'],
    ['CARD XXXX1234 SHELL 0042 OXFORD ST', 'shell oxford st'],
    ['Contactless ****5521 Lidl #1234 2025-03-14 10:32', 'lidl'],
    ['STORE 0042 WALMART SUPERCENTER SEATTLE WA', 'walmart supercenter'],
    ["McDonald's #12345 New York NY", 'mcdonalds'],
    ['SQ *BLUE BOTTLE COFFEE', 'blue bottle coffee'],
    ['PAYPAL *NETFLIX.COM 4029357733', 'netflix com'],
    ['DD THAMES WATER REF 88234112 MANDATE NO 0012', 'thames water'],
    ['SO RENT FEBRUARY', 'rent'],
    ['Café de Flore Paris FR', 'cafe de flore'],
    ['H&M 123 BERLIN DE', 'hm'],
    ['REWE Markt GmbH 14 mar 2025 Koeln', 'rewe markt gmbh'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseStatement(raw)).toBe(expected);
  });

  it('keeps short words with digits that name a payee', () => {
    expect(normaliseStatement('O2 UK BILL')).toBe('o2 uk bill');
  });

  it('never strips the last word, even when it looks like a place', () => {
    expect(normaliseStatement('LONDON')).toBe('london');
    expect(normaliseStatement('POS GB')).toBe('gb');
  });

  it('is empty for a line of only numbers and dates', () => {
    expect(normaliseStatement('14/03/2025 #1234 00:12')).toBe('');
  });

  it('changes nothing when applied twice', () => {
    const lines = [
      'POS PURCHASE KROGER FUEL CTR ILFORD 01/03',
      'CARD XXXX0385 TRADER JOE',
      '06JUN VISA CARREFOUR MARKET 216652 SPRINGFIELD UK',
      'BILL PAYMENT O2 MANDATE NO 6793 13NOV',
      'Debit Card Carrefour Market No.54 De 23/07/25 23:52',
      'CNP TFL.GOV.UK/CP 149157 READING GB 10/05/25 05:32',
    ];
    for (const line of lines) {
      const once = normaliseStatement(line);
      expect(normaliseStatement(once)).toBe(once);
    }
  });
});

describe('payeeKey', () => {
  it('is the first two words of the merchant, or of the description without one', () => {
    expect(payeeKey('tesco stores', null)).toBe('tesco stores');
    expect(payeeKey('uber trip help uber com', null)).toBe('uber trip');
    expect(payeeKey('uber eats', null)).toBe('uber eats');
    expect(payeeKey('lunch with sam', 'blue bottle coffee')).toBe('blue bottle');
  });

  it('files one shop in two towns, or on two days, under one payee', () => {
    const key = (line: string) => payeeKey(normaliseStatement(line), null);
    expect(key('POS TESCO STORES 3297 LEEDS GB 12/03')).toBe(key('TESCO STORES 2241 LONDON 14MAR'));
  });
});

import { csvField, csvLine, csvText } from './csv-fields';

describe('CSV fields', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Groceries')).toBe('Groceries');
    expect(csvField('')).toBe('');
  });

  it('quotes fields with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('Smith, Jones & Co')).toBe('"Smith, Jones & Co"');
    expect(csvField('The "Best" Café')).toBe('"The ""Best"" Café"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvText('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvText('+1 shop')).toBe("'+1 shop");
    expect(csvText('-minus')).toBe("'-minus");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tTabbed')).toBe("'\tTabbed");
    expect(csvText('Shop = Market')).toBe('Shop = Market'); // only a leading sign matters
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });
});

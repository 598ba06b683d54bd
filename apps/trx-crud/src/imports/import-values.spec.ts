import { ImportDateFormat } from '@finstack/contracts';
import { fitsLength, readDate, readNumber } from './import-values';

describe('reading CSV cells', () => {
  describe('dates', () => {
    const march14: [ImportDateFormat, string][] = [
      ['YYYY-MM-DD', '2025-03-14'],
      ['YYYY/MM/DD', '2025/03/14'],
      ['DD/MM/YYYY', '14/03/2025'],
      ['MM/DD/YYYY', '03/14/2025'],
      ['DD.MM.YYYY', '14.03.2025'],
      ['DD-MM-YYYY', '14-03-2025'],
    ];

    it.each(march14)('reads %s', (format, text) => {
      expect(readDate(text, format)).toBe('2025-03-14');
    });

    it('takes single-digit days and months, and ignores a time of day', () => {
      expect(readDate('4/3/2025', 'DD/MM/YYYY')).toBe('2025-03-04');
      expect(readDate('3/4/2025', 'MM/DD/YYYY')).toBe('2025-03-04');
      expect(readDate('2025-03-14 23:59:01', 'YYYY-MM-DD')).toBe('2025-03-14');
      expect(readDate('2025-03-14T08:00:00+01:00', 'YYYY-MM-DD')).toBe('2025-03-14');
    });

    it('refuses impossible days, other layouts and years outside 1900–2999', () => {
      expect(readDate('30/02/2025', 'DD/MM/YYYY')).toBeUndefined();
      expect(readDate('2025-13-01', 'YYYY-MM-DD')).toBeUndefined();
      expect(readDate('29.02.2023', 'DD.MM.YYYY')).toBeUndefined();
      expect(readDate('29.02.2024', 'DD.MM.YYYY')).toBe('2024-02-29');
      expect(readDate('14/03/2025', 'MM/DD/YYYY')).toBeUndefined();
      expect(readDate('2025-03-14', 'DD-MM-YYYY')).toBeUndefined();
      expect(readDate('14.03.25', 'DD.MM.YYYY')).toBeUndefined();
      expect(readDate('01/01/1899', 'DD/MM/YYYY')).toBeUndefined();
      expect(readDate('', 'YYYY-MM-DD')).toBeUndefined();
    });
  });

  describe('numbers', () => {
    const read = (text: string, separator: '.' | ',') => {
      const number = readNumber(text, separator);
      return number && `${number.negative ? '-' : ''}${number.whole}${number.fraction ? `.${number.fraction}` : ''}`;
    };

    it('reads either decimal separator, with thousands separators of the other kind', () => {
      expect(read('1.234,56', ',')).toBe('1234.56');
      expect(read('1,234.56', '.')).toBe('1234.56');
      expect(read('-1.234.567,8', ',')).toBe('-1234567.8');
      expect(read('12,5', ',')).toBe('12.5');
      expect(read('12.5', '.')).toBe('12.5');
      expect(read('1 234,56', ',')).toBe('1234.56');
      expect(read("1'234.56", '.')).toBe('1234.56');
    });

    it('reads the ways banks write a sign', () => {
      expect(read('-12.50', '.')).toBe('-12.5');
      expect(read('+12.50', '.')).toBe('12.5');
      expect(read('12.50-', '.')).toBe('-12.5');
      expect(read('(12.50)', '.')).toBe('-12.5');
      expect(read('\u221212.50', '.')).toBe('-12.5');
    });

    it('drops leading and trailing zeros that change nothing', () => {
      expect(read('0007.100', '.')).toBe('7.1');
      expect(read('0.00', '.')).toBe('0');
    });

    it('refuses a number written with the other decimal separator rather than misreading it', () => {
      expect(read('12.50', ',')).toBeUndefined(); // would be 1250 if '.' were taken as thousands
      expect(read('12,50', '.')).toBeUndefined();
      expect(read('1,23,456.00', '.')).toBeUndefined();
    });

    it('refuses what is not a number', () => {
      for (const text of ['', 'abc', '1e3', '12.5.0', '€12', '--1', '.5', '1,', 'NaN']) {
        expect(read(text, '.')).toBeUndefined();
      }
    });
  });

  it('measures length in characters, as MySQL does', () => {
    expect(fitsLength('a'.repeat(500), 500)).toBe(true);
    expect(fitsLength('a'.repeat(501), 500)).toBe(false);
    expect(fitsLength('😀'.repeat(500), 500)).toBe(true); // 1000 UTF-16 code units
    expect(fitsLength('😀'.repeat(501), 500)).toBe(false);
  });
});

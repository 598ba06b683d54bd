import { fromMinorUnits, parseDecimal, toMinorUnits, toMinorUnitsRounded } from './decimal';
import { isCurrencyCode, minorDigits } from './currencies';

describe('money decimals', () => {
  it('round-trips amounts at each currency scale without floating point', () => {
    expect(toMinorUnits('-12.34', 2)).toBe(-1234n);
    expect(fromMinorUnits(-1234n, 2)).toBe('-12.34');
    expect(toMinorUnits('1500', 0)).toBe(1500n);
    expect(fromMinorUnits(1500n, 0)).toBe('1500');
    expect(toMinorUnits('0.005', 3)).toBe(5n);
    expect(fromMinorUnits(5n, 3)).toBe('0.005');
    expect(fromMinorUnits(-5n, 2)).toBe('-0.05');
    expect(toMinorUnits('999999999999.9999', 4)).toBe(9999999999999999n);
  });

  it('keeps 0.1 + 0.2 exact', () => {
    expect(fromMinorUnits(toMinorUnits('0.1', 2) + toMinorUnits('0.2', 2), 2)).toBe('0.30');
  });

  it('refuses exponents, commas, too many digits and excess decimals', () => {
    for (const bad of ['1e3', '1,00', '1000000000000', '0.12345', '', '-', '.5', '+1']) {
      expect(parseDecimal(bad)).toBeUndefined();
    }
    expect(() => toMinorUnits('1.234', 2)).toThrow(RangeError);
  });

  it('rounds range bounds so that comparisons stay exact', () => {
    expect(toMinorUnitsRounded('10.005', 2, 'ceil')).toBe(1001n);
    expect(toMinorUnitsRounded('10.005', 2, 'floor')).toBe(1000n);
    expect(toMinorUnitsRounded('-10.005', 2, 'ceil')).toBe(-1000n);
    expect(toMinorUnitsRounded('-10.005', 2, 'floor')).toBe(-1001n);
    expect(toMinorUnitsRounded('10.50', 0, 'floor')).toBe(10n);
  });

  it('knows ISO 4217 minor digits', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('usd')).toBe(false);
  });
});

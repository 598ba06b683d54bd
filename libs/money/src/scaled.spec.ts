import { formatScaled, parseScaled } from './scaled';

describe('scaled numbers', () => {
  it('parses quantities and prices exactly, refusing what does not fit', () => {
    expect(parseScaled('12.5', 6)).toBe(12_500_000n);
    expect(parseScaled('0.000001', 6)).toBe(1n);
    expect(parseScaled('0.0000001', 6)).toBeUndefined();
    expect(parseScaled('-1', 6)).toBeUndefined();
    expect(parseScaled('1e3', 6)).toBeUndefined();
    expect(parseScaled('1000000000000', 6)).toBeUndefined();
  });

  it('prints without trailing zeros, down to the decimals asked for', () => {
    expect(formatScaled(12_500_000n, 6)).toBe('12.5');
    expect(formatScaled(12_500_000n, 6, 2)).toBe('12.50');
    expect(formatScaled(-300_000n, 12, 2)).toBe('-0.0000003');
    expect(formatScaled(0n, 6, 2)).toBe('0.00');
  });

  it('adds and multiplies exactly: 3 × 0.1 is 0.3', () => {
    const product = parseScaled('3', 6)! * parseScaled('0.1', 6)!;
    expect(formatScaled(product, 12, 2)).toBe('0.30');
  });
});

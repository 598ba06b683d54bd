import { ratio } from './ratio';

describe('ratio', () => {
  it('rounds to 4 decimals, half away from zero', () => {
    expect(ratio(1n, 3n)).toBe(0.3333);
    expect(ratio(2n, 3n)).toBe(0.6667);
    expect(ratio(1n, 20_000n)).toBe(0.0001); // 0.00005 rounds up
    expect(ratio(-1n, 20_000n)).toBe(-0.0001);
    expect(ratio(-1n, 3n)).toBe(-0.3333);
  });

  it('stays exact on amounts beyond what a double holds', () => {
    expect(ratio(10n ** 20n + 1n, 2n * 10n ** 20n)).toBe(0.5);
    expect(ratio(3n * 10n ** 19n, 10n ** 19n)).toBe(3);
  });

  it('has no value over zero', () => {
    expect(ratio(5n, 0n)).toBeNull();
    expect(ratio(0n, 7n)).toBe(0);
  });
});

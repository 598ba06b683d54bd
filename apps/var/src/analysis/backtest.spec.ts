import { backtest, chiSquare1Survival, erfc } from './backtest';
import { Trade } from './types';

/** A trade with its P&L and one VaR per level; the other fields do not enter the backtest. */
function trade(pnl: number, ...varMoney: number[]): Trade {
  return {
    signal: 'BUY',
    openDate: '2024-01-02',
    closeDate: '2024-01-03',
    openPrice: 100,
    closePrice: 100,
    pnl,
    cumulativePnl: pnl,
    mu: 0,
    sigma: 0.01,
    risk: varMoney.map((money, l) => ({ confidence: [0.95, 0.99][l], varReturn: -money / 100_000, varMoney: money, esReturn: 0, esMoney: money })),
  };
}

describe('VaR backtest (Kupiec proportion of failures)', () => {
  /*
   * By hand: 20 trades, VaR 100 at 95 % and 150 at 99 %.
   * Losses of 120, 130 and 200 pass the 95 % VaR (x = 3); only 200 passes the 99 % one (x = 1).
   * A loss of exactly 100 is not a breach (a breach is a loss beyond the VaR).
   *
   * 95 %: n = 20, x = 3, p = 0.05, x/n = 0.15, expected n·p = 1
   *   ln L0 = 17·ln 0.95 + 3·ln 0.05 = 17·(−0.0512933) + 3·(−2.9957323) = −0.8719862 − 8.9871968 = −9.8591830
   *   ln L1 = 17·ln 0.85 + 3·ln 0.15 = 17·(−0.1625189) + 3·(−1.8971200) = −2.7628215 − 5.6913599 = −8.4541814
   *   LR = −2·(ln L0 − ln L1) = −2·(−1.4050016) = 2.8100032
   *   p-value = P(χ²₁ ≥ 2.8100) = erfc(√(2.8100/2)) = erfc(1.1853) = 2·(1 − Φ(1.6763)) = 2·0.046839 = 0.093678
   * 99 %: n = 20, x = 1, p = 0.01, x/n = 0.05, expected 0.2
   *   ln L0 = 19·ln 0.99 + ln 0.01 = 19·(−0.0100503) − 4.6051702 = −0.1909564 − 4.6051702 = −4.7961266
   *   ln L1 = 19·ln 0.95 + ln 0.05 = 19·(−0.0512933) − 2.9957323 = −0.9745726 − 2.9957323 = −3.9703049
   *   LR = −2·(−0.8258217) = 1.6516434
   *   p-value = erfc(√0.8258217) = erfc(0.9087473) = 2·(1 − Φ(1.2851628)) = 2·0.099367 = 0.198735
   */
  const trades = [trade(-120, 100, 150), trade(-130, 100, 150), trade(-200, 100, 150), trade(-100, 100, 150)];
  for (let i = trades.length; i < 20; i++) trades.push(trade(i % 2 ? 50 : -40, 100, 150));

  it('counts breaches and expected breaches, and matches the hand-computed statistic and p-value', () => {
    const [at95, at99] = backtest(trades, [0.95, 0.99]);
    expect(at95).toMatchObject({ confidence: 0.95, trades: 20, breaches: 3, expectedBreaches: 1 });
    expect(at95.kupiecLr).toBeCloseTo(2.8100032, 5);
    expect(at95.kupiecPValue).toBeCloseTo(0.093678, 5);
    expect(at99).toMatchObject({ confidence: 0.99, trades: 20, breaches: 1, expectedBreaches: 0.2 });
    expect(at99.kupiecLr).toBeCloseTo(1.6516434, 5);
    expect(at99.kupiecPValue).toBeCloseTo(0.198735, 5);
  });

  it('with no breach, the statistic is −2·n·ln(1 − p)', () => {
    // 20 trades, none beyond a VaR of 1000: LR = −40·ln 0.99 = 0.4020134, p-value 0.526051
    const [level] = backtest(
      trades.map((t) => trade(t.pnl, 1000)),
      [0.99],
    );
    expect(level.breaches).toBe(0);
    expect(level.kupiecLr).toBeCloseTo(0.4020134, 6);
    expect(level.kupiecPValue).toBeCloseTo(0.526051, 5);
  });

  it('without trades there is nothing to test', () => {
    expect(backtest([], [0.95])).toEqual([{ confidence: 0.95, trades: 0, breaches: 0, expectedBreaches: 0, kupiecLr: null, kupiecPValue: null }]);
  });

  it('erfc and the χ² tail agree with tabulated values', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.1572992, 6);
    expect(erfc(-1)).toBeCloseTo(1.8427008, 6);
    // the 5 % critical value of χ²₁ is 3.841459
    expect(chiSquare1Survival(3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquare1Survival(6.634897)).toBeCloseTo(0.01, 6);
  });
});

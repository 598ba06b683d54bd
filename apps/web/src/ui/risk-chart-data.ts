import type { Schemas } from '../api/types';

type Trade = Pick<Schemas['TradeView'], 'openDate' | 'pnl' | 'risk'>;

/** "95 %" for 0.95, "99.5 %" for 0.995. */
export const levelLabel = (confidence: number): string => `${Math.round(confidence * 1000) / 10} %`;

/** Series names of the backtest chart: one bar series per bucket, one line per level. */
export const WITHIN = 'Within VaR';
export const beyondName = (confidence: number) => `Loss beyond VaR ${levelLabel(confidence)}`;
export const minusVarName = (confidence: number) => `−VaR ${levelLabel(confidence)}`;

/**
 * The backtest as chart rows: each trade's P&L in exactly one bar series
 * (within every VaR, or beyond the VaR of the highest level it breaches, so
 * the worst breaches stand out), and −VaR per level as lines.
 */
export function backtestBars(trades: Trade[], levels: number[]) {
  return trades.map((trade, index) => {
    const row: Record<string, number | string | null> = { trade: `${index + 1} · ${trade.openDate}` };
    let worst: number | null = null;
    levels.forEach((confidence, l) => {
      const varMoney = trade.risk[l]?.varMoney ?? 0;
      row[minusVarName(confidence)] = -varMoney;
      row[beyondName(confidence)] = null;
      if (trade.pnl < -varMoney && (worst === null || confidence > worst)) worst = confidence;
    });
    row[WITHIN] = worst === null ? trade.pnl : null;
    if (worst !== null) row[beyondName(worst)] = trade.pnl;
    return row;
  });
}

const BREACH_COLOURS = ['orange.7', 'red.8', 'grape.8', 'pink.8', 'dark.6'];
// Lines in greys, apart from the bars' colours: lighter for the lower level, darker for the higher.
const LINE_COLOURS = ['gray.6', 'dark.9', 'gray.8', 'dark.5', 'dark.7'];

/** The next round number (1, 2, 2.5 or 5 × 10ⁿ) at or above `value`, so the axis ticks are round too. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 100;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value)!;
}

/**
 * The value axis of the backtest: from the worst loss (or −VaR) down, to as
 * far above zero, so losses and VaR read clearly however large the best gains;
 * `clippedAbove` is set when some gain reaches past the top.
 */
export function backtestDomain(trades: Trade[], levels: number[]): { domain: [number, number]; clippedAbove: number | null } {
  let low = 0;
  let high = 0;
  for (const trade of trades) {
    low = Math.min(low, trade.pnl);
    high = Math.max(high, trade.pnl);
    levels.forEach((_, l) => {
      low = Math.min(low, -(trade.risk[l]?.varMoney ?? 0));
    });
  }
  const bound = niceCeiling(-low * 1.1);
  return { domain: [-bound, bound], clippedAbove: high > bound ? bound : null };
}

export function backtestSeries(levels: number[]) {
  const ascending = [...levels].sort((a, b) => a - b);
  return [
    { name: WITHIN, color: 'indigo.4', type: 'bar' as const },
    ...ascending.map((confidence, i) => ({ name: beyondName(confidence), color: BREACH_COLOURS[i % BREACH_COLOURS.length]!, type: 'bar' as const })),
    ...ascending.map((confidence, i) => ({ name: minusVarName(confidence), color: LINE_COLOURS[i % LINE_COLOURS.length]!, type: 'line' as const, strokeDasharray: '4 3' })),
  ];
}

type Histogram = Schemas['PnlHistogramView'];

const money = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

/**
 * Histogram bins as bars labelled by their midpoint; a bin is in the tail
 * (drawn apart) when it lies wholly at or below −VaR of the first level.
 * `markers` put each level's VaR and ES on the bin holding −VaR and −ES,
 * since the bars' axis is by bin.
 */
export function histogramBars(histogram: Histogram, levels: { confidence: number; var: number; es: number }[]) {
  const cut = levels[0] ? -levels[0].var : -Infinity;
  const rows = histogram.bins.map((bin) => {
    const label = money((bin.from + bin.to) / 2);
    const tail = bin.to <= cut;
    return { bin: label, Scenarios: tail ? null : bin.count, 'Beyond VaR': tail ? bin.count : null };
  });
  const binOf = (pnl: number) => {
    const index = histogram.bins.findIndex((bin, i) => pnl < bin.to || i === histogram.bins.length - 1);
    return rows[Math.max(0, index)]?.bin ?? '';
  };
  const markers = levels.flatMap((level) => [
    { x: binOf(-level.var), label: `VaR ${levelLabel(level.confidence)}`, color: 'orange.9' },
    { x: binOf(-level.es), label: `ES ${levelLabel(level.confidence)}`, color: 'red.9' },
  ]);
  return { rows, markers };
}

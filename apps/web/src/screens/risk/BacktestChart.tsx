import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import type { StrategyResult } from '../../api/types';
import { backtestBars, backtestDomain, backtestSeries, levelLabel } from '../../ui/risk-chart-data';

/** P&L per trade as bars against −VaR per level, breaches in their own colours; then Kupiec's test per level. */
export function BacktestChart({ result }: { result: StrategyResult }) {
  const levels = result.summary.averageVar.map((level) => level.confidence);
  const rows = backtestBars(result.trades, levels);
  const { domain, clippedAbove } = backtestDomain(result.trades, levels);
  const breaches = result.backtest.map((level) => `${level.breaches} beyond VaR ${levelLabel(level.confidence)} (${level.expectedBreaches} expected)`).join(', ');
  return (
    <>
      <div role="img" aria-label={`P&L of ${result.trades.length} trades against their VaR: ${breaches}`} data-testid="backtest-chart">
        <CompositeChart
          h={300}
          data={rows}
          dataKey="trade"
          series={backtestSeries(levels)}
          barProps={{ stackId: 'pnl' }}
          withDots={false}
          curveType="stepAfter"
          strokeWidth={1.5}
          withLegend
          xAxisProps={{ tick: false }}
          yAxisProps={{ domain, allowDataOverflow: true }}
          valueFormatter={(value) => value.toLocaleString('en-US', { maximumFractionDigits: 2 })}
        />
      </div>
      <Table mt="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Level</Table.Th>
            <Table.Th ta="right">Breaches</Table.Th>
            <Table.Th ta="right">Expected</Table.Th>
            <Table.Th ta="right">Kupiec LR</Table.Th>
            <Table.Th ta="right">p-value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.backtest.map((level) => (
            <Table.Tr key={level.confidence}>
              <Table.Td>{levelLabel(level.confidence)}</Table.Td>
              <Table.Td ta="right">
                {level.breaches} of {level.trades}
              </Table.Td>
              <Table.Td ta="right">{level.expectedBreaches.toFixed(1)}</Table.Td>
              <Table.Td ta="right">{level.kupiecLr === null ? '—' : level.kupiecLr.toFixed(2)}</Table.Td>
              <Table.Td ta="right" c={level.kupiecPValue !== null && level.kupiecPValue < 0.05 ? 'red.9' : undefined}>
                {level.kupiecPValue === null ? '—' : level.kupiecPValue < 0.0001 ? '< 0.0001' : level.kupiecPValue.toFixed(4)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {clippedAbove !== null && `Gains above ${clippedAbove.toLocaleString('en-US')} are cut off, so the losses and the VaR read clearly. `}A breach is a trade that lost more than its VaR. A p-value below 0.05 says the number of breaches is unlikely at that confidence (Kupiec&apos;s proportion-of-failures test).
      </Text>
    </>
  );
}

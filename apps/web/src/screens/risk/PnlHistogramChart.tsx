import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { PortfolioResult } from '../../api/types';
import { histogramBars, levelLabel } from '../../ui/risk-chart-data';

/** The simulated or historical P&L over the horizon, the tail beyond the first level's VaR apart, with VaR and ES marked. */
export function PnlHistogramChart({ result }: { result: PortfolioResult }) {
  if (!result.histogram) return null;
  const { rows, markers } = histogramBars(result.histogram, result.levels);
  const summary = result.levels.map((level) => `VaR ${levelLabel(level.confidence)} ${level.var.toFixed(2)}, ES ${level.es.toFixed(2)}`).join('; ');
  return (
    <div role="img" aria-label={`Histogram of ${result.histogram.scenarios} scenarios' P&L: ${summary}`} data-testid="pnl-histogram">
      <BarChart
        h={280}
        data={rows}
        dataKey="bin"
        type="stacked"
        series={[
          { name: 'Scenarios', color: 'indigo.4' },
          { name: 'Beyond VaR', color: 'orange.7' },
        ]}
        barProps={{ isAnimationActive: false }}
        withLegend
        xAxisLabel="P&L over the horizon (bin midpoint)"
        yAxisLabel="Scenarios"
        referenceLines={markers.map((marker) => ({ x: marker.x, label: marker.label, color: marker.color, labelPosition: 'insideTopLeft' }))}
      />
    </div>
  );
}

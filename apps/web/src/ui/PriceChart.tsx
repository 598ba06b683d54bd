import { createChart, createSeriesMarkers, LineSeries, type Time } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { ChartPoint } from '../api/types';
import { priceSeries } from './chart-data';

/** The price with its SMA and BUY/SELL markers (lightweight-charts draws on canvas). */
export function PriceChart({ points, label }: { points: ChartPoint[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = createChart(box.current, { height: 320, autoSize: true, layout: { attributionLogo: false } });
    const data = priceSeries(points);
    const price = chart.addSeries(LineSeries, { color: '#364fc7', lineWidth: 2, title: 'price' });
    price.setData(data.price.map((point) => ({ ...point, time: point.time as Time })));
    if (data.sma.length > 0) {
      const sma = chart.addSeries(LineSeries, { color: '#f08c00', lineWidth: 1, title: 'SMA' });
      sma.setData(data.sma.map((point) => ({ ...point, time: point.time as Time })));
    }
    createSeriesMarkers(price, data.markers.map((marker) => ({ ...marker, time: marker.time as Time })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points]);
  return <div ref={box} role="img" aria-label={label} data-testid="price-chart" style={{ width: '100%', height: 320 }} />;
}

import { Recorder, Sample } from './arrival-rate';

export interface Threshold {
  /** Request name, or 'all'. */
  name: string;
  maxErrorRate: number;
  maxP95Ms: number;
}

export interface Row {
  name: string;
  requests: number;
  errors: number;
  errorRate: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rowOf(name: string, samples: Sample[]): Row {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const errors = samples.filter((sample) => !sample.ok).length;
  return { name, requests: samples.length, errors, errorRate: samples.length ? errors / samples.length : 0, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** One row per request name and one for all, each checked against its threshold. */
export function report(recorder: Recorder, thresholds: Threshold[]): { table: string; passed: boolean } {
  const names = [...new Set(recorder.samples.map((sample) => sample.name))];
  const rows = [...names.map((name) => rowOf(name, recorder.samples.filter((sample) => sample.name === name))), rowOf('all', recorder.samples)];
  let passed = recorder.dropped === 0 && recorder.failedIterations === 0;
  const cells = rows.map((row) => {
    const threshold = thresholds.find((candidate) => candidate.name === row.name);
    const met = !threshold || (row.errorRate < threshold.maxErrorRate && row.p95 < threshold.maxP95Ms);
    passed &&= met;
    const verdict = threshold ? `${met ? 'met' : 'MISSED'} (<${(threshold.maxErrorRate * 100).toFixed(0)} %, p95 <${threshold.maxP95Ms} ms)` : '';
    return [row.name, String(row.requests), String(row.errors), `${(row.errorRate * 100).toFixed(2)} %`, row.p50.toFixed(1), row.p95.toFixed(1), row.p99.toFixed(1), verdict];
  });
  const header = ['request', 'requests', 'errors', 'error rate', 'p50 ms', 'p95 ms', 'p99 ms', 'thresholds'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
  const extra = `dropped iterations (over the in-flight cap): ${recorder.dropped}; iterations that threw: ${recorder.failedIterations}`;
  return { table: `${table}\n${extra}`, passed };
}

/** Prints the run's table and verdict; the process exits non-zero when a threshold was missed. */
export function printReport(run: { seconds: number; iterations: number }, recorder: Recorder, thresholds: Threshold[]): void {
  const { table, passed } = report(recorder, thresholds);
  console.log(`${run.iterations} iterations in ${run.seconds.toFixed(0)} s\n${table}\nthresholds ${passed ? 'met' : 'MISSED'}`);
  process.exitCode = passed ? 0 : 1;
}

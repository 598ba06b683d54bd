import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface LoadSpec {
  label: string;
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /**
   * Headers of each connection, by its number (0 … connections - 1), added to
   * `headers`: one user's token per connection, for instance.
   */
  connectionHeaders?: (connection: number) => Record<string, string>;
}

/** One autocannon run on loopback; latencies in milliseconds. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let connection = 0;
  const perConnection = spec.connectionHeaders;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    method: spec.method ?? 'GET',
    headers: spec.headers,
    body: spec.body,
    ...(perConnection
      ? { setupClient: (client: autocannon.Client) => client.setHeaders({ ...spec.headers, ...perConnection(connection++) }) }
      : {}),
  });
  return {
    label: spec.label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function formatTable(results: LoadResult[]): string {
  const header = ['run', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'];
  const rows = results.map((r) => [
    r.label,
    r.requestsPerSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

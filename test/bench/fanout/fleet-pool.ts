import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ConnectReply, FleetCommand, FleetReport, Histogram } from './fleet-protocol';

/** The client fleets of the benchmark: child processes that share the connections between them. */
export class FleetPool {
  private readonly fleets: ChildProcess[];

  constructor(size: number) {
    this.fleets = Array.from({ length: size }, () =>
      fork(join(__dirname, 'client-fleet.main.js'), [], { execArgv: ['--max-old-space-size=2048'] }),
    );
  }

  /** Opens one connection per token, dealt round-robin across the fleets. */
  async connect(url: string, path: string, tickers: string[], tokens: string[]): Promise<ConnectReply> {
    const shares = this.fleets.map((_, n) => tokens.filter((_token, i) => i % this.fleets.length === n));
    const replies = await Promise.all(
      this.fleets.map((fleet, n) => this.ask<ConnectReply>(fleet, { cmd: 'connect', url, path, tickers, tokens: shares[n] })),
    );
    return {
      connected: replies.reduce((sum, reply) => sum + reply.connected, 0),
      refused: replies.reduce((sum, reply) => sum + reply.refused, 0),
      firstError: replies.find((reply) => reply.firstError)?.firstError,
    };
  }

  /** What every socket received since the last report, with latencies against `answeredAt`. */
  async report(answeredAt: number[]): Promise<FleetReport> {
    const reports = await Promise.all(this.fleets.map((fleet) => this.ask<FleetReport>(fleet, { cmd: 'report', answeredAt })));
    const merged = new Map<number, number>();
    for (const report of reports) for (const [ms, count] of report.latency) merged.set(ms, (merged.get(ms) ?? 0) + count);
    const sum = (field: 'sockets' | 'received' | 'duplicates' | 'outOfOrder' | 'dropped') =>
      reports.reduce((total, report) => total + report[field], 0);
    return {
      sockets: sum('sockets'),
      received: sum('received'),
      duplicates: sum('duplicates'),
      outOfOrder: sum('outOfOrder'),
      dropped: sum('dropped'),
      latency: [...merged.entries()].sort((a, b) => a[0] - b[0]),
    };
  }

  close(): void {
    for (const fleet of this.fleets) if (fleet.connected) fleet.send({ cmd: 'close' } satisfies FleetCommand);
  }

  private ask<T>(fleet: ChildProcess, command: FleetCommand): Promise<T> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`a client fleet exited (${code}) during ${command.cmd}`));
      fleet.once('exit', onExit);
      fleet.once('message', (reply) => {
        fleet.off('exit', onExit);
        resolve(reply as T);
      });
      fleet.send(command);
    });
  }
}

/** The latency (ms) below which a fraction `p` of the samples fall. */
export function percentileOf(histogram: Histogram, p: number): number {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.ceil(total * p);
  let seen = 0;
  for (const [ms, count] of histogram) {
    seen += count;
    if (seen >= rank) return ms;
  }
  return histogram[histogram.length - 1][0];
}

/**
 * One client fleet of the fan-out benchmark: a child process holding its
 * share of the connections. Each socket joins the ticker's room and notes when
 * every price push arrives; the parent asks for a report once the changes are
 * out and says when each one was answered.
 */
import { performance } from 'node:perf_hooks';
import { BASE_PRICE, ConnectReply, FleetCommand, FleetReport, Histogram } from './fleet-protocol';
import { LightSocket } from './light-socket';

const CONNECTS_AT_ONCE = 100;
const PRICE_FIELD = '"price":"';

/** Milliseconds since the epoch with sub-millisecond resolution, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

class TrackedSocket {
  /** Arrival time of each change, by change number; a change seen twice counts as a duplicate. */
  readonly arrivals = new Map<number, number>();
  duplicates = 0;
  outOfOrder = 0;
  dropped = false;
  private last = -1;

  constructor(readonly socket: LightSocket) {
    socket.onEvent = (frame) => this.onPush(frame, now());
    socket.onClose = () => (this.dropped = true);
  }

  private onPush(frame: string, at: number): void {
    if (!frame.startsWith('42["price.changed"')) return;
    const start = frame.indexOf(PRICE_FIELD) + PRICE_FIELD.length;
    const change = Math.round(Number.parseFloat(frame.slice(start, frame.indexOf('"', start))) - BASE_PRICE);
    if (this.arrivals.has(change)) {
      this.duplicates += 1;
      return;
    }
    if (change < this.last) this.outOfOrder += 1;
    this.last = Math.max(this.last, change);
    this.arrivals.set(change, at);
  }
}

let sockets: TrackedSocket[] = [];

async function connectAll(command: Extract<FleetCommand, { cmd: 'connect' }>): Promise<ConnectReply> {
  const reply: ConnectReply = { connected: 0, refused: 0 };
  for (let start = 0; start < command.tokens.length; start += CONNECTS_AT_ONCE) {
    await Promise.all(
      command.tokens.slice(start, start + CONNECTS_AT_ONCE).map(async (token) => {
        try {
          const socket = await LightSocket.connect(command.url, command.path, { token });
          for (const ticker of command.tickers) {
            const joined = (await socket.request('join', { room: `ticker:${ticker}` })) as { ok?: boolean; error?: string };
            if (!joined.ok) throw new Error(`join refused: ${JSON.stringify(joined)}`);
          }
          sockets.push(new TrackedSocket(socket));
          reply.connected += 1;
        } catch (error) {
          reply.refused += 1;
          reply.firstError ??= (error as Error).message;
        }
      }),
    );
  }
  return reply;
}

/** Latencies from each change's answer to its arrival, in 1 ms buckets; resets the sockets for the next run. */
function report(answeredAt: number[]): FleetReport {
  const buckets = new Map<number, number>();
  const result: FleetReport = { sockets: sockets.length, received: 0, duplicates: 0, outOfOrder: 0, dropped: 0, latency: [] };
  for (const tracked of sockets) {
    for (const [change, at] of tracked.arrivals) {
      const ms = Math.max(0, Math.round(at - answeredAt[change]));
      buckets.set(ms, (buckets.get(ms) ?? 0) + 1);
    }
    result.received += tracked.arrivals.size;
    result.duplicates += tracked.duplicates;
    result.outOfOrder += tracked.outOfOrder;
    if (tracked.dropped) result.dropped += 1;
  }
  result.latency = [...buckets.entries()] as Histogram;
  sockets = sockets.filter((tracked) => !tracked.dropped).map((tracked) => new TrackedSocket(tracked.socket));
  return result;
}

process.on('message', (message: FleetCommand) => {
  void (async () => {
    switch (message.cmd) {
      case 'connect':
        process.send?.(await connectAll(message));
        return;
      case 'report':
        process.send?.(report(message.answeredAt));
        return;
      case 'close':
        for (const tracked of sockets) tracked.socket.close();
        process.exit(0);
    }
  })();
});

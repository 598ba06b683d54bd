/** Messages between the fan-out benchmark and its client fleets (child processes), over IPC. */

/** Change n of a run sets the ticker's price to BASE_PRICE + n, so a push names its change by its price. */
export const BASE_PRICE = 1000;

export const changePrice = (n: number) => `${BASE_PRICE + n}.00`;

/** A histogram of latencies in whole milliseconds: [milliseconds, count] pairs. */
export type Histogram = Array<[number, number]>;

export type FleetCommand =
  | { cmd: 'connect'; url: string; path: string; tickers: string[]; tokens: string[] }
  /** The time (ms since the epoch) each change's POST answered; index n is change n. */
  | { cmd: 'report'; answeredAt: number[] }
  | { cmd: 'close' };

export interface ConnectReply {
  connected: number;
  refused: number;
  firstError?: string;
}

export interface FleetReport {
  sockets: number;
  /** Pushes received, each change counted once per socket. */
  received: number;
  /** A change a socket received more than once. */
  duplicates: number;
  /** A change that arrived after a later one on the same socket. */
  outOfOrder: number;
  /** Sockets that lost their connection during the run. */
  dropped: number;
  latency: Histogram;
}

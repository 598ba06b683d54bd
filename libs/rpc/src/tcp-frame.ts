/**
 * Largest message either side of a TCP hop accepts, so a garbage or runaway
 * peer cannot grow a process's memory without bound. (Nagle's algorithm stays
 * on: turning it off was measured to cost throughput and p99 under load, as
 * every reply then went out in its own packet.)
 */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;

/**
 * A message begun but not finished within this is dropped with its
 * connection: a 2 MB frame takes milliseconds on any network the services
 * share, and a peer that stalls half-way would otherwise hold its buffer for
 * Nest's default 30 s.
 */
export const FRAME_STALL_TIMEOUT_MS = 5_000;

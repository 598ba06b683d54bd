import { RoomReply, TICKER, tickerRoom } from '@finstack/contracts';

/** Ticker rooms one socket may be in at once, so a client cannot grow the server's memory without bound. */
export const MAX_TICKER_ROOMS = 200;

export const ROOM_REFUSED = 'only ticker:<SYMBOL> rooms may be joined or left, such as ticker:AAPL';

/**
 * The ticker room a client asks for with `{ room: "ticker:AAPL" }`, or why
 * not. `user:` rooms are never granted: a socket is put in its own at
 * connection and can reach no other.
 */
export function requestedTickerRoom(request: unknown): { room: string } | { error: string } {
  const room = typeof request === 'object' && request !== null ? (request as { room?: unknown }).room : undefined;
  if (typeof room !== 'string' || !room.startsWith('ticker:')) return { error: ROOM_REFUSED };
  const ticker = room.slice('ticker:'.length).trim().toUpperCase();
  if (!TICKER.test(ticker)) return { error: ROOM_REFUSED };
  return { room: tickerRoom(ticker) };
}

export const refused = (error: string): RoomReply => ({ ok: false, error });

/*
 * What a Socket.IO client of notifications needs to know: where to connect,
 * how to authenticate, which rooms exist and what it may ask for.
 */

/** The Socket.IO path on NOTIFICATIONS_PORT. */
export const SOCKET_PATH = '/socket.io';

/**
 * The handshake's `auth`: the access token, and on a reconnection the id of
 * the last event received, so a server that cannot recover the session
 * (it restarted) still replays what the client missed in the last 2 minutes.
 */
export interface SocketAuth {
  token: string;
  lastEventId?: string;
}

/** The `connect_error` message of a handshake without a valid access token (missing, bad or expired). */
export const SOCKET_UNAUTHORIZED = 'unauthorized';

/** Client → server messages, each answered through the acknowledgement callback with a RoomReply. */
export const SOCKET_REQUESTS = {
  join: 'join',
  leave: 'leave',
} as const;

/** Server → client, just before the server disconnects a socket whose access token has expired. */
export const SOCKET_TOKEN_EXPIRED = 'token.expired';

export type RoomReply = { ok: true; room: string } | { ok: false; error: string };

/** Every socket is in its user's room; events for that user go there. */
export const userRoom = (userId: string): string => `user:${userId}`;

/** Public price moves of one ticker; any client may join. */
export const tickerRoom = (ticker: string): string => `ticker:${ticker}`;

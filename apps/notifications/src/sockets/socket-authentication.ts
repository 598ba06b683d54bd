import { AuthUser, JwtVerifier } from '@finstack/auth';
import { SOCKET_UNAUTHORIZED } from '@finstack/contracts';
import type { Socket } from 'socket.io';

/** What the handshake proved, kept on the socket. */
export interface SocketSession {
  user: AuthUser;
  expiresAtMs: number;
}

export const sessionOf = (socket: Socket): SocketSession => socket.data as SocketSession;

/**
 * Socket.IO middleware: the access token from `auth.token` in the handshake,
 * verified as the gateway verifies it. Any failure (missing, bad, expired) is
 * the same `connect_error` "unauthorized", and the socket never joins a room.
 * It runs on every connection, recovered ones included, so a client coming
 * back with an expired token is refused too.
 */
export function socketAuthentication(verifier: JwtVerifier) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string' || token === '') return next(new Error(SOCKET_UNAUTHORIZED));
    try {
      const session: SocketSession = verifier.verifySession(token);
      Object.assign(socket.data as object, session);
      next();
    } catch {
      next(new Error(SOCKET_UNAUTHORIZED));
    }
  };
}

import type { Namespace } from 'socket.io';

type Auth = Record<string, unknown> | undefined;
type CreateSocket = (this: Namespace, client: unknown, auth: Auth) => Promise<unknown>;
interface RestoredSession {
  data?: { user?: { userId?: unknown } };
}
type RestoreSession = (pid: string, offset: string) => Promise<RestoredSession | null>;

/**
 * Socket.IO restores a disconnected socket from the `pid` and `offset` its
 * client presents: its rooms, its data and the events it missed, which it
 * sends at once, before any middleware has looked at the new token. Any
 * client holding someone's pid could so read their events. Here a session
 * is restored only for the user the new handshake's token names; otherwise
 * the connection starts afresh (and is then authenticated as usual).
 *
 * Socket.IO has no public hook between the handshake's auth and the restore:
 * this wraps Namespace._createSocket (socket.io 4.8), which asks the adapter
 * for the session synchronously, and fails at start-up if it is gone rather
 * than silently dropping the check.
 */
export function bindRecoveryToUser(namespace: Namespace, userOf: (auth: Auth) => string | undefined): void {
  const target = namespace as unknown as { _createSocket?: CreateSocket; adapter: { restoreSession: RestoreSession } };
  const createSocket = target._createSocket;
  if (typeof createSocket !== 'function') {
    throw new Error('socket.io no longer has Namespace._createSocket: session recovery cannot be bound to its user');
  }
  target._createSocket = function (this: Namespace, client: unknown, auth: Auth) {
    const user = userOf(auth);
    const adapter = target.adapter;
    const restore = adapter.restoreSession;
    adapter.restoreSession = async (pid, offset) => {
      const session = await restore.call(adapter, pid, offset);
      return session && user !== undefined && session.data?.user?.userId === user ? session : null;
    };
    try {
      return createSocket.call(this, client, auth);
    } finally {
      adapter.restoreSession = restore; // the restore was asked for above, before createSocket's first await
    }
  };
}

import type { Server, Socket } from 'node:net';

/** How long ending connections may wait for their callers to hang up. */
const HANG_UP_TIMEOUT_MS = 2000;

/**
 * The connections of a TCP microservice's server, ended in an order that lets
 * every reply already written reach its caller. Nest's own close destroys its
 * sockets; destroying one that still has unread input (a caller's message sent
 * after ours went out) makes the kernel reset the connection, and a reset
 * throws away the replies it still held, e.g. those Nagle's algorithm keeps
 * back for up to 200 ms. So each connection is half-closed first (FIN after
 * the last reply), and is only let go once the caller has read everything and
 * hung up in turn.
 */
export class TcpConnections {
  private readonly sockets = new Set<Socket>();

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** No new connections; open ones stay for the replies still to come. */
  stopAccepting(): void {
    this.server.close();
  }

  /**
   * Half-closes every connection and resolves once each caller has hung up
   * (its client answers our FIN after reading every reply before it), or
   * after a cap for callers that never do.
   */
  async endAll(): Promise<void> {
    const hungUp = [...this.sockets].map((socket) => {
      if (socket.destroyed) return Promise.resolve();
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.end();
      return closed;
    });
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, HANG_UP_TIMEOUT_MS);
    });
    await Promise.race([Promise.all(hungUp), cap]);
    clearTimeout(timer);
  }
}

import type { Server, Socket } from 'node:net';

/** How long ending connections may take to flush the last replies. */
const FLUSH_TIMEOUT_MS = 2000;

/**
 * The connections of a TCP microservice's server. Nest's own close destroys
 * its sockets, dropping replies not yet written; ending them first lets the
 * last replies of a drain reach their callers.
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

  /** Ends every connection once what was written to it is flushed; resolves when all are (or after a cap). */
  async endAll(): Promise<void> {
    const flushed = [...this.sockets].map((socket) => {
      if (socket.writableFinished || socket.destroyed) return Promise.resolve();
      const done = new Promise<void>((resolve) => {
        socket.once('finish', resolve);
        socket.once('close', resolve);
      });
      socket.end();
      return done;
    });
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
    });
    await Promise.race([Promise.all(flushed), cap]);
    clearTimeout(timer);
  }
}

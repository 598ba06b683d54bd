import type { Socket as NetSocket } from 'node:net';
import type { Server, Socket } from 'socket.io';

/** The engine.io connection under a Socket.IO socket, as engine.io's `flush` event hands it over. */
type EngineConnection = Socket['conn'];

/** The TCP stream under an engine.io connection on the WebSocket transport (engine.io itself reaches into ws this way for pre-encoded frames). */
function tcpStreamOf(connection: EngineConnection): NetSocket | undefined {
  const transport = connection.transport as unknown as { socket?: { _socket?: NetSocket } };
  const stream = transport.socket?._socket;
  return typeof stream?.cork === 'function' ? stream : undefined;
}

/**
 * While a socket's last write is in flight, engine.io queues the packets
 * that follow and then sends the queue in one go, but still as one write
 * system call per packet: under a steady feed (a tick of ten tickers), one
 * per socket and event, the largest cost of the fan-out. Holding the stream
 * while a queue of several packets is handed over makes it one write.
 */
export function coalesceQueuedWrites(server: Server): void {
  server.engine.on('flush', (connection: EngineConnection, packets: unknown[]) => {
    if (packets.length < 2) return;
    const stream = tcpStreamOf(connection);
    if (!stream) return;
    stream.cork();
    process.nextTick(() => stream.uncork()); // right after engine.io's synchronous send of the queue
  });
}

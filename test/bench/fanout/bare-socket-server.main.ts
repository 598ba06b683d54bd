/**
 * The benchmark's baseline: a bare Socket.IO server in a process of its own,
 * no Nest, no authentication, no outbox or TCP hop, that pushes one price
 * event to a ticker room when told over IPC. Its delivery time is the floor
 * that Socket.IO itself sets on this machine for the same number of sockets.
 */
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { changePrice } from './fleet-protocol';

const port = Number(process.argv[2]);
const server = new Server(port, { path: '/socket.io', serveClient: false });
server.on('connection', (socket) => {
  socket.on('join', (request: { room: string }, ack: (reply: unknown) => void) => {
    void socket.join(request.room);
    ack({ ok: true, room: request.room });
  });
});

process.send?.({ listening: port });
process.on('message', (message: { emit: string; change: number } | { close: true }) => {
  if ('close' in message) {
    void server.close();
    process.exit(0);
  }
  const at = performance.timeOrigin + performance.now();
  server.to(`ticker:${message.emit}`).emit('price.changed', { type: 'price.changed', payload: { ticker: message.emit, price: changePrice(message.change) } });
  process.send?.({ emittedAt: at });
});

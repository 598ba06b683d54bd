import { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, Socket as ClientSocket } from 'socket.io-client';
import { coalesceQueuedWrites } from './write-coalescer';

describe('coalesceQueuedWrites', () => {
  let server: Server;
  let client: ClientSocket;

  beforeEach(async () => {
    server = new Server(0, { serveClient: false });
    coalesceQueuedWrites(server);
    const { port } = server.httpServer.address() as AddressInfo;
    client = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  });

  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('delivers a burst of pushes to one socket complete and in order', async () => {
    const received: number[] = [];
    const allArrived = new Promise<void>((resolve) =>
      client.on('price.changed', (n: number) => {
        received.push(n);
        if (received.length === 500) resolve();
      }),
    );
    // In one turn of the loop: the first write goes out, the other 499 queue behind it and leave together.
    for (let n = 0; n < 500; n++) server.emit('price.changed', n);
    await allArrived;
    expect(received).toEqual(Array.from({ length: 500 }, (_, n) => n));
  });

  it('leaves a socket writable afterwards: a later single push arrives too', async () => {
    for (let n = 0; n < 10; n++) server.emit('burst', n);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const later = new Promise((resolve) => client.once('later', resolve));
    server.emit('later', 'after the burst');
    await expect(later).resolves.toBe('after the burst');
  });
});

import { createServer, Server as HttpServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, Socket as ClientSocket } from 'socket.io-client';
import { bindRecoveryToUser } from './user-bound-recovery';

/**
 * A real Socket.IO server with connection state recovery, as notifications
 * runs it; the token is the user's id here, the verification being the
 * gateway's concern elsewhere.
 */
describe('session recovery bound to its user', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  const clients: ClientSocket[] = [];

  beforeEach(async () => {
    http = createServer();
    server = new Server(http, { connectionStateRecovery: { maxDisconnectionDuration: 10_000, skipMiddlewares: false } });
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string') return next(new Error('unauthorized'));
      socket.data = { user: { userId: token } };
      next();
    });
    server.on('connection', (socket) => {
      if (!socket.recovered) void socket.join(`user:${(socket.data as { user: { userId: string } }).user.userId}`);
    });
    bindRecoveryToUser(server.of('/'), (auth) => (typeof auth?.token === 'string' ? auth.token : undefined));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.close());
    await new Promise((resolve) => server.close(resolve));
  });

  const open = (auth: Record<string, unknown>) => {
    const client = connectClient(url, { auth, reconnection: false, transports: ['websocket'] });
    clients.push(client);
    return client;
  };
  const connected = (client: ClientSocket) => new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Alice connects, receives one push, loses her connection, and misses a second one. */
  async function aliceAway(): Promise<{ pid: string; offset: string }> {
    const alice = open({ token: 'alice' });
    await connected(alice);
    const first = new Promise((resolve) => alice.once('push', resolve));
    server.to('user:alice').emit('push', 'hello alice');
    await first;
    const { _pid: pid, _lastOffset: offset } = alice as unknown as { _pid: string; _lastOffset: string };
    alice.io.engine.close(); // the network drops: the server keeps her session for recovery
    await sleep(200);
    server.to('user:alice').emit('push', 'alice’s statement is ready');
    return { pid, offset };
  }

  async function pushesTo(client: ClientSocket): Promise<{ recovered: boolean; pushes: unknown[] }> {
    const pushes: unknown[] = [];
    client.on('push', (payload) => pushes.push(payload));
    await connected(client);
    await sleep(300);
    return { recovered: server.of('/').sockets.get(client.id!)!.recovered, pushes };
  }

  it('restores the session, with what was missed, to the same user (the control)', async () => {
    const session = await aliceAway();
    expect(await pushesTo(open({ token: 'alice', ...session }))).toEqual({ recovered: true, pushes: ['alice’s statement is ready'] });
  });

  it('gives another user presenting it a fresh connection: none of the missed pushes, none of the rooms', async () => {
    const session = await aliceAway();
    const mallory = open({ token: 'mallory', ...session });
    expect(await pushesTo(mallory)).toEqual({ recovered: false, pushes: [] });
    const malloryOnServer = server.of('/').sockets.get(mallory.id!)!;
    expect([...malloryOnServer.rooms]).toEqual([mallory.id, 'user:mallory']);
  });

  it('gives no recovery to a handshake without a usable token', async () => {
    const session = await aliceAway();
    const anonymous = open({ ...session });
    const pushes: unknown[] = [];
    anonymous.on('push', (payload) => pushes.push(payload));
    await expect(connected(anonymous)).rejects.toThrow('unauthorized');
    expect(pushes).toEqual([]);
  });
});

import { EVENT_TYPES } from '@finstack/contracts';
import { AppProcess, freePort } from '@finstack/testing';
import { backend, connect, Listener, newTicker, quoteOf, replicaOf, sleep, useNotificationsStack } from './notifications-test-helpers';

/** The real Redis on 127.0.0.1:6379 (REDIS_URL overrides), under a prefix of this run only. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe(`notifications: two replicas share rooms and sessions through Redis (${backend})`, () => {
  const notif = useNotificationsStack('notif_replicas', { REDIS_URL, REDIS_KEY_PREFIX: `finstack-e2e:${process.pid}:${Date.now()}` });
  let replicaB: AppProcess;
  let urlB: string;
  const listeners: Listener[] = [];
  beforeAll(async () => {
    const ports = { socket: await freePort(), tcp: await freePort() };
    replicaB = await replicaOf(notif.stack().notifications, ports).start();
    urlB = `http://127.0.0.1:${ports.socket}`;
  });
  afterAll(() => replicaB?.stop());
  afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));
  const open = async (url: string, token: string) => {
    const listener = await connect(url, token, { reconnect: true });
    listeners.push(listener);
    return listener;
  };

  it('pushes an event taken in by replica A to clients of replica B, ticker room and holders alike, once each', async () => {
    const [holder, subscriber, stranger] = [await notif.newUser('holder'), await notif.newUser('sub'), await notif.newUser('stranger')];
    const ticker = newTicker();
    await notif.hold(holder, ticker);
    const [onB, subOnB, onA, strangerOnB] = [
      await open(urlB, holder.accessToken),
      await open(urlB, subscriber.accessToken),
      await open(notif.stack().notificationsUrl, holder.accessToken),
      await open(urlB, stranger.accessToken),
    ];
    expect(await subOnB.join(`ticker:${ticker}`)).toMatchObject({ ok: true });

    // The portfolio relays to replica A only (the stack's NOTIFICATIONS_TCP_PORT).
    await notif.quote(quoteOf(ticker, '42.00'));
    for (const listener of [onB, subOnB, onA]) {
      const [move] = await listener.waitFor((event) => event.type === EVENT_TYPES.priceChanged);
      expect(move.payload).toMatchObject({ ticker, price: '42.00' });
    }
    await sleep(500);
    for (const listener of [onB, subOnB, onA]) expect(listener.ofType(EVENT_TYPES.priceChanged)).toHaveLength(1);
    expect(strangerOnB.exceptSignIns()).toEqual([]);
  });

  it('recovers a client on replica A that lost its connection to replica B: missed events, once', async () => {
    const holder = await notif.newUser('mover');
    const ticker = newTicker();
    await notif.hold(holder, ticker);
    const onB = await open(urlB, holder.accessToken);
    await notif.quote(quoteOf(ticker, '1.00', 0));
    await onB.waitFor((event) => event.type === EVENT_TYPES.priceChanged);

    // Its connection drops; behind a load balancer it would come back to any replica. The
    // session id and offset are what socket.io-client sends on reconnecting (private fields).
    const { _pid: pid, _lastOffset: offset } = onB.socket as unknown as { _pid: string; _lastOffset: string };
    onB.socket.io.reconnection(false);
    onB.socket.io.engine.close();
    await notif.quote(quoteOf(ticker, '2.00', 1));
    await notif.quote(quoteOf(ticker, '3.00', 2));
    await sleep(300);

    const onA = await connectWithSession(notif.stack().notificationsUrl, holder.accessToken, pid, offset);
    listeners.push(onA);
    expect(onA.socket.recovered).toBe(true);
    const missed = await onA.waitFor((event) => event.type === EVENT_TYPES.priceChanged, 2);
    await sleep(300);
    expect(missed.map((event) => (event.payload as { price: string }).price)).toEqual(['2.00', '3.00']);
    expect(onA.exceptSignIns()).toHaveLength(2);
  });
});

/** A client resuming a Socket.IO session, as socket.io-client does after a drop (pid and offset in the handshake). */
async function connectWithSession(url: string, token: string, pid: string, offset: string): Promise<Listener> {
  const listener = await connect(url, token);
  // Reconnect the fresh client with the old session's identity.
  listener.socket.disconnect();
  Object.assign(listener.socket, { _pid: pid, _lastOffset: offset });
  listener.socket.connect();
  await new Promise<void>((resolve) => listener.socket.once('connect', () => resolve()));
  return listener;
}

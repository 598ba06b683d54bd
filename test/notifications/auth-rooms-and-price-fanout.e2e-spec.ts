import { EVENT_TYPES, NOTIFICATIONS, SOCKET_UNAUTHORIZED, SOCKET_TOKEN_EXPIRED, tickerRoom, userRoom } from '@finstack/contracts';
import { findPrivateKeyPem, newEs256PrivateKey, signEs256 } from '@finstack/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { backend, connect, Listener, newTicker, quoteOf, sleep, socketTo, useNotificationsStack } from './notifications-test-helpers';

describe(`notifications: who may connect, which rooms, who gets a price move (${backend})`, () => {
  const notif = useNotificationsStack('notif_rooms');
  const listeners: Listener[] = [];
  const open = async (token: string | undefined) => {
    const listener = await connect(notif.stack().notificationsUrl, token);
    listeners.push(listener);
    return listener;
  };
  afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));

  /** An access token the gateway's key signs, for a user, expiring in `seconds` (negative: expired). */
  const tokenFor = (userId: string, seconds: number, privateKey = findPrivateKeyPem(notif.stack().dataDir)) => {
    const now = Math.floor(Date.now() / 1000);
    return signEs256({ sub: userId, email: 'x@example.com', iss: 'finstack', aud: 'finstack-api', iat: now - 5, exp: now + seconds }, privateKey);
  };

  it('refuses a socket without a valid token with connect_error "unauthorized", and never pushes to it', async () => {
    const user = await notif.newUser();
    const ticker = newTicker();
    await notif.hold(user, ticker);
    const refusedTokens = [undefined, '', 'not-a-jwt', tokenFor(user.userId, -60), tokenFor(user.userId, 600, newEs256PrivateKey())];
    const refused = refusedTokens.map((token) => {
      const listener = socketTo(notif.stack().notificationsUrl, token);
      listeners.push(listener);
      return listener;
    });
    const genuine = await open(user.accessToken);

    await notif.quote(quoteOf(ticker, '10.00'));
    await genuine.waitFor((event) => event.type === EVENT_TYPES.priceChanged);
    await sleep(300);
    for (const listener of refused) {
      expect(listener.errors).toEqual([SOCKET_UNAUTHORIZED]);
      expect(listener.socket.connected).toBe(false);
      expect(listener.events).toEqual([]);
    }
  });

  it('pushes a price move to the ticker room and to the holders, once each, and to nobody else', async () => {
    const [holder, subscriber, both, stranger] = [await notif.newUser('holder'), await notif.newUser('sub'), await notif.newUser('both'), await notif.newUser('stranger')];
    const ticker = newTicker();
    await notif.hold(holder, ticker);
    await notif.hold(both, ticker);
    await notif.hold(stranger, newTicker());
    const [h, s, b, x] = [await open(holder.accessToken), await open(subscriber.accessToken), await open(both.accessToken), await open(stranger.accessToken)];
    expect(await s.join(`ticker:${ticker.toLowerCase()}`)).toEqual({ ok: true, room: tickerRoom(ticker) });
    expect(await b.join(tickerRoom(ticker))).toEqual({ ok: true, room: tickerRoom(ticker) });

    await notif.quote(quoteOf(ticker, '100.00', 1));
    await notif.quote(quoteOf(ticker, '110.00', 2));
    for (const listener of [h, s, b]) {
      const moves = await listener.waitFor((event) => event.type === EVENT_TYPES.priceChanged, 2);
      expect(moves.map((event) => event.payload)).toEqual([
        expect.objectContaining({ ticker, price: '100.00', previous: null }),
        expect.objectContaining({ ticker, price: '110.00', previous: '100.00', changePct: 0.1 }),
      ]);
    }
    await sleep(300);
    expect(b.ofType(EVENT_TYPES.priceChanged)).toHaveLength(2); // in the room and a holder: still once
    expect(x.exceptSignIns()).toEqual([]);

    expect(await s.leave(tickerRoom(ticker))).toEqual({ ok: true, room: tickerRoom(ticker) });
    await notif.quote(quoteOf(ticker, '120.00', 3));
    await h.waitFor((event) => event.type === EVENT_TYPES.priceChanged, 3);
    await sleep(300);
    expect(s.ofType(EVENT_TYPES.priceChanged)).toHaveLength(2);
  });

  it("keeps each user's events to that user, even when another asks to join their room", async () => {
    const [ann, ben] = [await notif.newUser('ann'), await notif.newUser('ben')];
    const ticker = newTicker();
    await notif.quote(quoteOf(ticker, '50.00'));
    const watch = await notif.api().post('/api/v1/watchlist', { ticker, targetPrice: '55.00', direction: 'above' }, { token: ann.accessToken });
    expect(watch.status).toBe(201);
    const [a, b] = [await open(ann.accessToken), await open(ben.accessToken)];

    for (const room of [userRoom(ann.userId), 'user:*', 'admin', `ticker:${'x'.repeat(40)}`, '']) {
      expect(await b.join(room)).toEqual({ ok: false, error: expect.stringMatching(/only ticker:<SYMBOL> rooms/) });
    }
    expect(await b.emitRaw('join', 'ticker:AAPL')).toEqual({ ok: false, error: expect.any(String) });

    await notif.quote(quoteOf(ticker, '56.00', 1));
    const [alert] = await a.waitFor((event) => event.type === EVENT_TYPES.alertTriggered);
    expect(alert).toMatchObject({ userId: ann.userId, payload: { ticker, targetPrice: '55.00', price: '56.00', direction: 'above' } });
    await sleep(300);
    expect(b.exceptSignIns()).toEqual([]);
  });

  it('acknowledges a duplicate event without pushing it twice, and refuses a bad one without pushing anything', async () => {
    const user = await notif.newUser();
    const listener = await open(user.accessToken);
    const event = {
      id: uuidv7(),
      type: EVENT_TYPES.varCompleted,
      occurredAt: new Date().toISOString(),
      userId: user.userId,
      payload: { runId: uuidv7(), status: 'completed' },
    };
    const eventsIn = notif.eventsIn();
    expect(await eventsIn.send(NOTIFICATIONS.deliver, { events: [event] })).toEqual({ acknowledged: [event.id] });
    expect(await eventsIn.send(NOTIFICATIONS.deliver, { events: [event] })).toEqual({ acknowledged: [event.id] });

    const good = { ...event, id: uuidv7() };
    const unaddressed = { ...event, id: uuidv7(), userId: undefined };
    await expect(eventsIn.send(NOTIFICATIONS.deliver, { events: [good, unaddressed] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/userId is required/),
    });
    await expect(eventsIn.send(NOTIFICATIONS.deliver, { events: [{ ...good, type: 'nonsense' as never }] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await sleep(300);
    expect(listener.exceptSignIns().map((received) => received.id)).toEqual([event.id]);
  });

  it('disconnects a socket when its access token expires', async () => {
    const user = await notif.newUser();
    const listener = await open(tokenFor(user.userId, 2));
    const expired = new Promise((resolve) => listener.socket.once(SOCKET_TOKEN_EXPIRED, resolve));
    const disconnected = new Promise<string>((resolve) => listener.socket.once('disconnect', resolve));
    await expired;
    expect(await disconnected).toBe('io server disconnect');
  });

  describe('npm run listen', () => {
    const LISTEN = join(__dirname, '..', '..', 'dist', 'scripts', 'listen.js');
    const run = (args: string[]) => {
      const child = spawn(process.execPath, [LISTEN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      const output = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { child, output, exited };
    };

    it('logs in, connects and prints each event as it arrives, followed tickers included', async () => {
      const user = await notif.newUser('cli');
      const [held, followed] = [newTicker(), newTicker()];
      await notif.hold(user, held);
      const urls = ['--url', notif.stack().baseUrl, '--notifications-url', notif.stack().notificationsUrl];
      const listen = run(['--email', user.email, '--password', user.password, '--ticker', followed, ...urls]);
      try {
        const deadline = Date.now() + 10_000;
        while (!listen.output.stderr.includes('connected to')) {
          if (Date.now() > deadline) throw new Error(`listen did not connect: ${listen.output.stderr}`);
          await sleep(50);
        }
        await sleep(200); // the ticker room is joined just after connecting
        await notif.quote(quoteOf(held, '7.50'), quoteOf(followed, '8.25'));
        while (!(listen.output.stdout.includes(`${held} 7.50 USD`) && listen.output.stdout.includes(`${followed} 8.25 USD`))) {
          if (Date.now() > deadline) throw new Error(`listen printed: ${listen.output.stdout}\n${listen.output.stderr}`);
          await sleep(50);
        }
        expect(listen.output.stdout).toMatch(/price\.changed/);
      } finally {
        listen.child.kill('SIGINT');
      }
      expect(await listen.exited).toBe(0);
    });

    it('explains a bad command line (exit 2) and a refused token (exit 1)', async () => {
      const bad = run(['--ticker', 'not a ticker', '--token', 'x']);
      expect(await bad.exited).toBe(2);
      expect(bad.output.stderr).toMatch(/--ticker "NOT A TICKER" is not a stock symbol/);
      const refused = run(['--token', 'garbage', '--url', notif.stack().baseUrl, '--notifications-url', notif.stack().notificationsUrl]);
      expect(await refused.exited).toBe(1);
      expect(refused.output.stderr).toMatch(/refused the access token/);
    });
  });
});

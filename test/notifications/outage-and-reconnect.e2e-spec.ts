import { EVENT_TYPES } from '@finstack/contracts';
import { backend, connect, Listener, newTicker, quoteOf, sleep, useNotificationsStack } from './notifications-test-helpers';

describe(`notifications: an outage loses nothing, a reconnecting client catches up (${backend})`, () => {
  const notif = useNotificationsStack('notif_outage');
  const listeners: Listener[] = [];
  afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));
  const open = async (token: string) => {
    const listener = await connect(notif.stack().notificationsUrl, token, { reconnect: true });
    listeners.push(listener);
    return listener;
  };
  const prices = (listener: Listener) => listener.ofType(EVENT_TYPES.priceChanged).map((event) => event.payload as { price: string });

  it('delivers what happened while notifications was stopped once it is back, each event once and in order', async () => {
    const user = await notif.newUser();
    const ticker = newTicker();
    await notif.hold(user, ticker);
    const listener = await open(user.accessToken);
    await notif.quote(quoteOf(ticker, '1.00', 0));
    await listener.waitFor((event) => event.type === EVENT_TYPES.priceChanged);

    await notif.stack().notifications.stop();
    for (let minute = 1; minute <= 5; minute += 1) await notif.quote(quoteOf(ticker, `${minute + 1}.00`, minute));
    await sleep(1500); // the relay fails and backs off meanwhile
    await notif.stack().notifications.start();

    await listener.waitFor((event) => event.type === EVENT_TYPES.priceChanged, 6, 20_000);
    await sleep(1000); // nothing more may come
    expect(prices(listener).map((payload) => payload.price)).toEqual(['1.00', '2.00', '3.00', '4.00', '5.00', '6.00']);
    const ids = listener.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives a client that lost its connection the events it missed, with its ticker rooms, and nothing twice', async () => {
    const [holder, watcher] = [await notif.newUser('holder'), await notif.newUser('watcher')];
    const ticker = newTicker();
    await notif.hold(holder, ticker);
    const [h, w] = [await open(holder.accessToken), await open(watcher.accessToken)];
    expect(await w.join(`ticker:${ticker}`)).toMatchObject({ ok: true });
    await notif.quote(quoteOf(ticker, '10.00', 0));
    await h.waitFor((event) => event.type === EVENT_TYPES.priceChanged);
    await w.waitFor((event) => event.type === EVENT_TYPES.priceChanged);

    // The network drops (the transport closes, not a goodbye): the clients reconnect by themselves.
    const reconnected = [h, w].map((listener) => new Promise((resolve) => listener.socket.io.once('reconnect', resolve)));
    // Held back, so the quotes below land while both are away.
    for (const listener of [h, w]) listener.socket.io.reconnectionDelay(1500).reconnectionDelayMax(1500);
    for (const listener of [h, w]) listener.socket.io.engine.close();
    await sleep(100);
    expect(h.socket.connected).toBe(false);
    await notif.quote(quoteOf(ticker, '11.00', 1));
    await notif.quote(quoteOf(ticker, '12.00', 2));
    await Promise.all(reconnected);

    for (const listener of [h, w]) {
      await listener.waitFor((event) => event.type === EVENT_TYPES.priceChanged, 3);
      expect(listener.socket.recovered).toBe(true);
    }
    await notif.quote(quoteOf(ticker, '13.00', 3)); // the ticker room came back with the connection
    for (const listener of [h, w]) await listener.waitFor((event) => event.type === EVENT_TYPES.priceChanged, 4);
    await sleep(300);
    for (const listener of [h, w]) expect(prices(listener).map((payload) => payload.price)).toEqual(['10.00', '11.00', '12.00', '13.00']);
  });
});

import { DomainEvent, EVENT_TYPES, NOTIFICATIONS, NotificationsContract, QuoteInput, QuotesIngested, RoomReply, SOCKET_PATH } from '@finstack/contracts';
import { RpcClient } from '@finstack/rpc';
import { ApiClient, AppProcess, backendFromEnv, newSession, serviceCallToken, Session, Stack, startStack } from '@finstack/testing';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { io, Socket } from 'socket.io-client';

export const backend = backendFromEnv();
export const INGEST_KEY = 'e2e-notifications-feed-key-0123456789';

/** A Socket.IO client that keeps every event it receives, for assertions. */
export class Listener {
  readonly events: DomainEvent[] = [];
  readonly errors: string[] = [];

  constructor(readonly socket: Socket) {
    socket.onAny((_name: string, event: DomainEvent) => {
      if (typeof event === 'object' && event !== null && 'id' in event) this.events.push(event);
    });
    socket.on('connect_error', (error) => this.errors.push(error.message));
  }

  /**
   * Every event but sign-in alerts. Each test user logs in just before opening
   * its socket, and the relay may push that log-in's alert after the socket
   * joined: tests about other events set it aside.
   */
  exceptSignIns(): DomainEvent[] {
    return this.events.filter((event) => event.type !== EVENT_TYPES.authLogin);
  }

  ofType(type: string): DomainEvent[] {
    return this.events.filter((event) => event.type === type);
  }

  /** Waits until `count` events match, failing with what did arrive. */
  async waitFor(match: (event: DomainEvent) => boolean, count = 1, timeoutMs = 10_000): Promise<DomainEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} matching events, got ${found.length}; received: ${JSON.stringify(this.events.map((e) => [e.type, e.payload]))}`);
      }
      await sleep(20);
    }
  }

  join(room: string): Promise<RoomReply> {
    return this.socket.timeout(5000).emitWithAck('join', { room }) as Promise<RoomReply>;
  }

  leave(room: string): Promise<RoomReply> {
    return this.socket.timeout(5000).emitWithAck('leave', { room }) as Promise<RoomReply>;
  }

  /** Any message, as a careless or hostile client might send it. */
  emitRaw(name: string, data: unknown): Promise<unknown> {
    return this.socket.timeout(5000).emitWithAck(name, data);
  }

  close(): void {
    this.socket.close();
  }
}

export interface ConnectOptions {
  /** Reconnect quickly after a lost connection (default: no reconnection). */
  reconnect?: boolean;
}

/** Connects with `auth.token`; resolves once connected, rejects with the connect_error message. */
export async function connect(url: string, token: string | undefined, options: ConnectOptions = {}): Promise<Listener> {
  const listener = socketTo(url, token, options);
  await new Promise<void>((resolve, reject) => {
    listener.socket.once('connect', () => resolve());
    listener.socket.once('connect_error', (error) => reject(new Error(error.message)));
  });
  return listener;
}

/** A client that is not yet connected (to watch a refusal). */
export function socketTo(url: string, token: string | undefined, options: ConnectOptions = {}): Listener {
  let listener: Listener | undefined = undefined;
  const socket = io(url, {
    path: SOCKET_PATH,
    // Read at every (re)connection: the last event received lets a restarted server replay what was missed.
    auth: (send) => {
      const last = listener?.events.at(-1)?.id;
      send(token === undefined ? {} : { token, ...(last ? { lastEventId: last } : {}) });
    },
    transports: ['websocket'],
    reconnection: options.reconnect ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    forceNew: true,
  });
  listener = new Listener(socket);
  return listener;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface NotificationsStack {
  stack(): Stack;
  api(): ApiClient;
  newUser(label?: string): Promise<Session>;
  /** Posts quotes with the ingest key; fails unless 200. */
  quote(...quotes: QuoteInput[]): Promise<QuotesIngested>;
  /** Adds a holding of the ticker for the user (the ticker must have a quote, or allowUnknown). */
  hold(user: Session, ticker: string): Promise<void>;
  /** A TCP client of notifications' events-in port, as a producer's relay uses it. */
  eventsIn(): RpcClient<NotificationsContract>;
}

/** One stack (every app a real process) for the file, with quote ingest by key; each test makes its own users and tickers. */
export function useNotificationsStack(name: string, notificationsEnv: Record<string, string> = {}): NotificationsStack {
  let stack: Stack;
  let api: ApiClient;
  let client: RpcClient<NotificationsContract> | undefined;
  beforeAll(async () => {
    stack = await startStack({ backend, name, gatewayEnv: { QUOTES_INGEST_API_KEY: INGEST_KEY }, notificationsEnv });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(async () => {
    client?.close();
    await stack?.stop();
  });
  return {
    stack: () => stack,
    api: () => api,
    newUser: (label = 'listener') => newSession(api, label),
    async quote(...quotes) {
      const body = quotes.length === 1 ? quotes[0] : { quotes };
      const response = await api.post<QuotesIngested>('/api/v1/quotes', body, { headers: { 'x-api-key': INGEST_KEY } });
      if (response.status !== 200) throw new Error(`quotes: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async hold(user, ticker) {
      const response = await api.post('/api/v1/portfolio/holdings', { ticker, quantity: '1', allowUnknown: true }, { token: user.accessToken });
      if (response.status !== 201) throw new Error(`holding: ${response.status} ${JSON.stringify(response.body)}`);
    },
    eventsIn() {
      const port = Number(stack.notifications.spec.env.NOTIFICATIONS_TCP_PORT);
      client ??= new RpcClient<NotificationsContract>(
        ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } }),
        // As trx-crud's outbox relay calls it: with trx-crud's service token.
        { service: 'notifications', timeoutMs: 5000, token: () => serviceCallToken(stack.dataDir, 'trx-crud', 'notifications') },
      );
      return client;
    },
  };
}

/** A second notifications replica of the stack's settings, on its own ports. */
export function replicaOf(notifications: AppProcess, ports: { socket: number; tcp: number }): AppProcess {
  return new AppProcess({
    ...notifications.spec,
    env: { ...notifications.spec.env, NOTIFICATIONS_PORT: String(ports.socket), NOTIFICATIONS_TCP_PORT: String(ports.tcp) },
    ready: { url: `http://127.0.0.1:${ports.socket}/health` },
  });
}

let tickers = 0;
/** A ticker no other test uses: "N" and up to 11 characters from the process, the clock and a counter. */
export function newTicker(): string {
  tickers += 1;
  return `N${(process.pid % 1296).toString(36)}${Date.now().toString(36).slice(-4)}${tickers.toString(36)}`.toUpperCase().slice(0, 12);
}

/** A quote of the ticker at minute `n` of 2025-03-14. */
export const quoteOf = (ticker: string, price: string, n = 0): QuoteInput => ({
  ticker,
  price,
  at: new Date(Date.UTC(2025, 2, 14, 9, n)).toISOString(),
});

export { NOTIFICATIONS };

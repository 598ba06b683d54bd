/**
 * `npm run listen -- --email you@example.com --password …` (or `--token …`):
 * logs in, connects to notifications over Socket.IO and prints every event
 * pushed to you as it arrives. `npm run listen -- --help` explains every option.
 */
import {
  createFinstackClient,
  FinstackClient,
  KnownEvent,
  PushEvents,
  PushRequests,
  SOCKET_PATH,
  SOCKET_REQUESTS,
  SOCKET_TOKEN_EXPIRED,
  SocketAuth,
} from '@finstack/client';
import { io, Socket } from 'socket.io-client';
import { eventLine } from './listen/event-line';
import { ListenCredentials, ListenOptions, parseListenArgs, USAGE, UsageError } from './listen/listen-options';
import { runCommand } from './run-command';

class LoginError extends Error {}

async function accessToken(api: FinstackClient, url: string, credentials: ListenCredentials): Promise<string> {
  if ('token' in credentials) return credentials.token;
  const login = await api.POST('/api/v1/auth/login', { body: credentials }).catch((error: Error) => {
    throw new LoginError(`cannot reach the gateway at ${url}: ${error.message}`);
  });
  if (!login.data) throw new LoginError(`could not log in as ${credentials.email}: ${login.response.status} ${login.error?.message}`);
  if (!('accessToken' in login.data)) throw new LoginError(`${credentials.email} has MFA on: log in through the console and pass its access token instead`);
  return login.data.accessToken;
}

/** Resolves with the exit code: 0 when stopped, 1 when refused for good. */
async function listen(options: ListenOptions): Promise<number> {
  const api = createFinstackClient({ baseUrl: options.url });
  let token = await accessToken(api, options.url, options.credentials);
  let lastEventId: string | undefined;
  const seen = new Set<string>();
  const socket: Socket<PushEvents, PushRequests> = io(options.notificationsUrl, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    // Read at every (re)connection: a fresh token, and the last event for a server that restarted to replay from.
    auth: (send) => send({ token, ...(lastEventId ? { lastEventId } : {}) } satisfies SocketAuth),
  });
  return new Promise<number>((resolve) => {
    const stop = (code: number) => {
      socket.close();
      resolve(code);
    };
    process.once('SIGINT', () => stop(0));
    socket.on('connect', () => {
      console.error(`connected to ${options.notificationsUrl}${socket.recovered ? ' (missed events recovered)' : ''}`);
      // Rooms come back with a recovered session; joining again is harmless.
      for (const ticker of options.tickers) {
        socket.emit(SOCKET_REQUESTS.join, { room: `ticker:${ticker}` }, (reply) => {
          if (!reply.ok) console.error(`cannot follow ${ticker}: ${reply.error}`);
        });
      }
    });
    socket.on('disconnect', (reason) => console.error(`disconnected (${reason})`));
    socket.on('connect_error', (error) => {
      if (error.message !== 'unauthorized') return console.error(`cannot connect: ${error.message}; retrying`);
      console.error('notifications refused the access token');
      stop(1);
    });
    socket.on(SOCKET_TOKEN_EXPIRED, () => {
      if ('token' in options.credentials) {
        console.error('the access token has expired; run again with a fresh one');
        return stop(1);
      }
      accessToken(api, options.url, options.credentials).then(
        (fresh) => {
          token = fresh;
          socket.connect();
        },
        (error: Error) => {
          console.error(error.message);
          stop(1);
        },
      );
    });
    socket.onAny((_name: string, event: KnownEvent) => {
      if (typeof event !== 'object' || event === null || typeof event.id !== 'string' || seen.has(event.id)) return;
      seen.add(event.id);
      lastEventId = event.id;
      console.log(options.json ? JSON.stringify(event) : eventLine(event));
    });
  });
}

async function main(): Promise<number> {
  let options: ListenOptions | 'help';
  try {
    options = parseListenArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`listen: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    return await listen(options);
  } catch (error) {
    if (error instanceof LoginError) {
      console.error(`listen: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

runCommand(main);

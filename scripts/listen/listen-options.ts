import { TICKER } from '@finstack/contracts';
import { parseArgs } from 'node:util';

/** Who listens: an account to log in as, or an access token already held. */
export type ListenCredentials = { token: string } | { email: string; password: string };

export interface ListenOptions {
  credentials: ListenCredentials;
  /** The gateway, to log in. */
  url: string;
  /** Notifications' Socket.IO server. */
  notificationsUrl: string;
  tickers: string[];
  json: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Connects to notifications and prints every event pushed to you as it arrives.

usage: npm run listen -- --email E --password P [options]
       npm run listen -- --token ACCESS_TOKEN [options]

  --email E --password P   log in through the gateway (and again when the token expires)
  --token T                an access token you already have (listening ends when it expires)
  --ticker T               also follow a ticker's public price moves (repeat for more)
  --url URL                the gateway (default http://127.0.0.1:3000)
  --notifications-url URL  notifications' Socket.IO server (default http://127.0.0.1:3001)
  --json                   one JSON event a line instead of a readable line
  --help                   this text

Ctrl-C stops. Exit codes: 0 stopped, 1 could not log in or was refused, 2 bad arguments.`;

const OPTIONS = {
  email: { type: 'string' },
  password: { type: 'string' },
  token: { type: 'string' },
  ticker: { type: 'string', multiple: true },
  url: { type: 'string', default: 'http://127.0.0.1:3000' },
  'notifications-url': { type: 'string', default: 'http://127.0.0.1:3001' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

export function parseListenArgs(argv: string[]): ListenOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const tickers = (values.ticker ?? []).map((ticker) => ticker.trim().toUpperCase());
  for (const ticker of tickers) {
    if (!TICKER.test(ticker)) throw new UsageError(`--ticker "${ticker}" is not a stock symbol such as AAPL or BRK.B`);
  }
  return {
    credentials: credentials(values.token, values.email, values.password),
    url: httpUrl(values.url, '--url'),
    notificationsUrl: httpUrl(values['notifications-url'], '--notifications-url'),
    tickers,
    json: values.json,
  };
}

function credentials(token: string | undefined, email: string | undefined, password: string | undefined): ListenCredentials {
  if (token !== undefined) {
    if (email !== undefined || password !== undefined) throw new UsageError('give --token, or --email and --password, not both');
    if (token.trim() === '') throw new UsageError('--token is empty');
    return { token: token.trim() };
  }
  if (!email || !password) throw new UsageError('give --email and --password, or --token');
  return { email, password };
}

function httpUrl(text: string, name: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${name} "${text}" is not a URL such as http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${name} must be http or https, not ${url.protocol}`);
  return text.replace(/\/+$/, '');
}

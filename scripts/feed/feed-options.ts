import { TICKER } from '@finstack/contracts';
import { isCurrencyCode } from '@finstack/money';
import { parseArgs } from 'node:util';
import { PRICE_FIELDS, PriceField } from './price-history';
import { MAX_SPEED, parseSpeed, Speed } from './replay-pace';

/** How the feed proves it may post quotes: the ingest key, or an operator's log-in. */
export type FeedCredentials = { apiKey: string } | { email: string; password: string };

export interface FeedOptions {
  ticker: string;
  file: string;
  speed: Speed;
  url: string;
  credentials: FeedCredentials;
  priceField: PriceField;
  currency: string;
  /** Only the N oldest trading days of the file. */
  limit?: number;
}

/** A command line the feed cannot run; the script prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Replays a daily price history as quotes to POST /api/v1/quotes.

usage: npm run feed -- --ticker AAPL --file data/prices/AAPL.csv [options]

  --ticker T          the stock symbol the prices are for (e.g. AAPL, BRK.B)
  --file PATH         a CSV with a header Date,Open,High,Low,Close,Adj Close,Volume;
                      dates yyyy-mm-dd or dd/mm/yyyy, any order ("null" prices are skipped)
  --speed S           trading days sent per second of real time (default 1x):
                      1x = one day a second, 100x = 100 a second, 0.5x = one every 2 s,
                      up to ${MAX_SPEED}x; max = batches of 1000 back to back. Days go out
                      oldest first, in batches of up to a tenth of a second's worth.
  --url URL           the gateway (default http://127.0.0.1:3000)
  --api-key KEY       the gateway's QUOTES_INGEST_API_KEY (default: that environment variable)
  --email E --password P
                      or log in as an operator (an email listed in OPERATOR_EMAILS)
  --price-field F     close (default) or adjClose
  --currency C        ISO 4217 currency of the prices (default USD)
  --limit N           only the N oldest trading days of the file
  --help              this text

Each day's quote is stamped at the US close, 20:00 UTC of its date, so each day's
price becomes the next day's previous close. Quotes not newer than the stored one
are ignored by the service, so replaying a file twice changes nothing.
Exit codes: 0 done, 1 the gateway refused or could not be reached, 2 bad arguments or file.`;

const OPTIONS = {
  ticker: { type: 'string' },
  file: { type: 'string' },
  speed: { type: 'string', default: '1x' },
  url: { type: 'string', default: 'http://127.0.0.1:3000' },
  'api-key': { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  'price-field': { type: 'string', default: 'close' },
  currency: { type: 'string', default: 'USD' },
  limit: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

/** The command line (without node and the script) → options; 'help' when asked for the usage. */
export function parseFeedArgs(argv: string[], env: NodeJS.ProcessEnv): FeedOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const ticker = required(values.ticker, '--ticker').trim().toUpperCase();
  if (!TICKER.test(ticker)) throw new UsageError(`--ticker "${ticker}" is not a stock symbol such as AAPL or BRK.B`);
  const speed = parseSpeed(values.speed);
  if (speed === undefined) {
    throw new UsageError(`--speed "${values.speed}" must be a number of days per second such as 1x, 100x or 0.5x (up to ${MAX_SPEED}x), or max`);
  }
  if (!isPriceField(values['price-field'])) {
    throw new UsageError(`--price-field must be ${Object.keys(PRICE_FIELDS).join(' or ')}, not "${values['price-field']}"`);
  }
  if (!isCurrencyCode(values.currency)) throw new UsageError(`--currency "${values.currency}" is not an upper-case ISO 4217 code such as USD`);
  return {
    ticker,
    file: required(values.file, '--file'),
    speed,
    url: gatewayUrl(values.url),
    credentials: credentials(values['api-key'] ?? env.QUOTES_INGEST_API_KEY, values.email, values.password),
    priceField: values['price-field'],
    currency: values.currency,
    limit: values.limit === undefined ? undefined : positiveInteger(values.limit, '--limit'),
  };
}

function credentials(apiKey: string | undefined, email: string | undefined, password: string | undefined): FeedCredentials {
  if (email !== undefined || password !== undefined) {
    if (!email || !password) throw new UsageError('--email and --password go together');
    return { email, password };
  }
  if (apiKey) return { apiKey };
  throw new UsageError('give --api-key (or set QUOTES_INGEST_API_KEY), or --email and --password of an operator');
}

function gatewayUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url "${text}" is not a URL such as http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url must be http or https, not ${url.protocol}`);
  return text.replace(/\/+$/, ''); // paths are appended to it
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${name} is required`);
  return value;
}

function positiveInteger(text: string, name: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError(`${name} must be a whole number of at least 1, not "${text}"`);
  return Number(text);
}

function isPriceField(value: string): value is PriceField {
  return Object.prototype.hasOwnProperty.call(PRICE_FIELDS, value);
}

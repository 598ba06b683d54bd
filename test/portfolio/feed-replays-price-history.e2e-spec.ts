import { QuoteView, WatchView } from '@finstack/contracts';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseFeedArgs, UsageError } from '../../scripts/feed/feed-options';
import { isoDate, parsePriceHistory, PriceHistoryError } from '../../scripts/feed/price-history';
import { batchesOf, paceOf, parseSpeed, quoteOf } from '../../scripts/feed/replay-pace';
import { backend, INGEST_KEY, OPERATOR_EMAIL, usePortfolioStack } from './portfolio-test-helpers';

const ROOT = join(__dirname, '..', '..');
const FEED = join(ROOT, 'dist', 'scripts', 'feed.js');
const AAPL = join(ROOT, 'data', 'prices', 'AAPL.csv');

/** `npm run feed -- ...args` without the build: the built script, as a person runs it. */
function runFeed(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [FEED, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('reading a price history (the feed script’s parts)', () => {
  it('reads both date formats, any row order, and the chosen price column', async () => {
    const csv = '\uFEFFDate,Open,High,Low,Close,Adj Close,Volume\r\n' +
      '03/01/2005,1,1,1,10.5,9.25,100\r\n' +
      '2005-01-04,1,1,1,11,9.5,100\r\n' +
      '31/12/2004,1,1,1,null,null,0\r\n' +
      '30/12/2004,1,1,1,9.999999,8,100\r\n';
    expect(await parsePriceHistory(csv, 'close')).toEqual({
      prices: [
        { date: '2004-12-30', price: '9.999999' },
        { date: '2005-01-03', price: '10.5' },
        { date: '2005-01-04', price: '11' },
      ],
      skipped: 1,
    });
    expect((await parsePriceHistory(csv, 'adjClose')).prices.map((day) => day.price)).toEqual(['8', '9.25', '9.5']);
  });

  it('names the lines it cannot read', async () => {
    const csv = 'Date,Close,Adj Close\n31/02/2005,1,1\n2005-03-01,-2,1\n2005-03-02,1.1234567,1\n2005-03-03,1,1\n2005-03-03,2,2\n';
    await expect(parsePriceHistory(csv, 'close')).rejects.toThrow(PriceHistoryError);
    const problems = await parsePriceHistory(csv, 'close').catch((error: PriceHistoryError) => error.problems);
    expect(problems).toEqual([
      'line 2: "31/02/2005" is not a date (yyyy-mm-dd or dd/mm/yyyy)',
      'line 3: Close "-2" is not a positive price with at most 6 decimals',
      'line 4: Close "1.1234567" is not a positive price with at most 6 decimals',
      '2005-03-03 appears more than once',
    ]);
    await expect(parsePriceHistory('Day,Price\n2005-01-01,1\n', 'close')).rejects.toThrow('no "Date" column; the header is: Day,Price');
  });

  it('reads only real calendar dates', () => {
    expect(isoDate('29/02/2024')).toBe('2024-02-29');
    expect(isoDate('2023-02-29')).toBeUndefined();
    expect(isoDate('2/3/2005')).toBeUndefined();
  });

  it('turns a speed into batches of at most a tenth of a second, never above 1000 quotes', () => {
    expect(parseSpeed('1x')).toBe(1);
    expect(parseSpeed('0.5x')).toBe(0.5);
    expect(parseSpeed('max')).toBe('max');
    for (const bad of ['100', 'x', '0x', '-1x', '10001x', 'fast']) expect(parseSpeed(bad)).toBeUndefined();
    expect(paceOf(1)).toEqual({ batchSize: 1, intervalMs: 1000 });
    expect(paceOf(0.5)).toEqual({ batchSize: 1, intervalMs: 2000 });
    expect(paceOf(100)).toEqual({ batchSize: 10, intervalMs: 100 });
    expect(paceOf(15)).toEqual({ batchSize: 2, intervalMs: 2000 / 15 });
    expect(paceOf(10_000)).toEqual({ batchSize: 1000, intervalMs: 100 });
    expect(paceOf('max')).toEqual({ batchSize: 1000, intervalMs: 0 });
    expect(batchesOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('stamps each day at the US close', () => {
    expect(quoteOf('AAPL', { date: '2005-02-22', price: '6.092143' }, 'USD')).toEqual({
      ticker: 'AAPL',
      price: '6.092143',
      at: '2005-02-22T20:00:00Z',
      currency: 'USD',
    });
  });

  it('reads the command line, with the key from the environment when not given', () => {
    const options = parseFeedArgs(['--ticker', 'aapl', '--file', 'x.csv', '--speed', '100x', '--limit', '30'], { QUOTES_INGEST_API_KEY: 'k' });
    expect(options).toEqual({
      ticker: 'AAPL',
      file: 'x.csv',
      speed: 100,
      url: 'http://127.0.0.1:3000',
      credentials: { apiKey: 'k' },
      priceField: 'close',
      currency: 'USD',
      limit: 30,
    });
    const cases: Array<[string[], RegExp]> = [
      [['--file', 'x.csv', '--api-key', 'k'], /--ticker is required/],
      [['--ticker', 'AAPL', '--api-key', 'k'], /--file is required/],
      [['--ticker', 'AAPL', '--file', 'x.csv'], /give --api-key \(or set QUOTES_INGEST_API_KEY\), or --email and --password/],
      [['--ticker', 'AAPL', '--file', 'x.csv', '--email', 'a@b.c'], /--email and --password go together/],
      [['--ticker', 'AAPL', '--file', 'x.csv', '--api-key', 'k', '--speed', 'fast'], /--speed "fast" must be a number of days per second/],
      [['--ticker', 'AAPL', '--file', 'x.csv', '--api-key', 'k', '--price-field', 'open'], /--price-field must be close or adjClose/],
      [['--ticker', 'AAPL', '--file', 'x.csv', '--api-key', 'k', '--limit', '0'], /--limit must be a whole number of at least 1/],
      [['--ticker', 'AAPL', '--file', 'x.csv', '--api-key', 'k', '--url', 'localhost:3000'], /--url must be http or https|is not a URL/],
      [['--ticker', 'Apple Inc', '--file', 'x.csv', '--api-key', 'k'], /--ticker "APPLE INC" is not a stock symbol/],
      [['--ticker', 'AAPL', '--file', 'x.csv', '--api-key', 'k', '--verbose'], /Unknown option '--verbose'/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseFeedArgs(argv, {})).toThrow(UsageError);
      expect(() => parseFeedArgs(argv, {})).toThrow(message);
    }
  });
});

describe(`npm run feed against a running system (${backend})`, () => {
  const portfolio = usePortfolioStack('pf_feed');

  it('replays the first 30 trading days of AAPL as an operator, firing a watcher’s alert once', async () => {
    const watcher = await portfolio.newUser('watcher');
    await portfolio.quote({ ticker: 'AAPL', price: '6.00', at: '2005-02-21T20:00:00Z' });
    const watch = (await watcher.post<WatchView>('/watchlist', { ticker: 'AAPL', targetPrice: '5.70', direction: 'below' })).body;
    const operator = await portfolio.operator();

    const run = await runFeed([
      '--ticker', 'AAPL', '--file', AAPL, '--limit', '30', '--speed', '100x',
      '--url', portfolio.api().baseUrl, '--email', OPERATOR_EMAIL, '--password', operator.session.password,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^AAPL: 30 trading days from .*AAPL\.csv, to http:\/\/127\.0\.0\.1:\d+ at 100x$/m);
    expect(run.stdout.trim().split('\n').pop()).toBe('done: 30 quotes sent, 30 accepted, 0 ignored, 1 alerts triggered');

    // The 30th row: 05/04/2005, close 5.984286, after 5.87 on the 4th.
    const quote = await watcher.get<QuoteView>('/quotes/AAPL');
    expect(quote.body).toMatchObject({ price: '5.984286', previousClose: '5.87' });
    expect(new Date(quote.body.at).toISOString()).toBe('2005-04-05T20:00:00.000Z');
    // 09/03/2005 closed at 5.621428, the first close at or below 5.70.
    expect((await watcher.get(`/watchlist/alerts?watchId=${watch.id}`)).body).toMatchObject({
      items: [expect.objectContaining({ price: '5.621428' })],
    });
  });

  it('changes nothing when the same days are replayed, here with the ingest key from the environment', async () => {
    const run = await runFeed(['--ticker', 'AAPL', '--file', AAPL, '--limit', '30', '--speed', 'max', '--url', portfolio.api().baseUrl], {
      QUOTES_INGEST_API_KEY: INGEST_KEY,
    });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').pop()).toBe('done: 30 quotes sent, 0 accepted, 30 ignored, 0 alerts triggered');
  });

  it('stops with exit code 1 and the reason when the gateway refuses it', async () => {
    const run = await runFeed(['--ticker', 'AAPL', '--file', AAPL, '--limit', '1', '--url', portfolio.api().baseUrl, '--api-key', 'not-the-key']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/feed: the gateway refused quotes: 403 FORBIDDEN: X-Api-Key is not the quote ingest key/);
  });

  it('exits with code 2 and a clear message on bad arguments or a missing file', async () => {
    const noTicker = await runFeed(['--file', AAPL, '--api-key', INGEST_KEY]);
    expect(noTicker.code).toBe(2);
    expect(noTicker.stderr).toMatch(/^feed: --ticker is required\n\nReplays a daily price history/);
    const missing = await runFeed(['--ticker', 'AAPL', '--file', 'data/prices/NOPE.csv', '--api-key', INGEST_KEY]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/feed: cannot read --file data\/prices\/NOPE\.csv: ENOENT/);
    const help = await runFeed(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--speed S .*\n.*1x = one day a second, 100x = 100 a second/);
  });
});

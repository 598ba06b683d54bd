/**
 * `npm run feed -- --ticker AAPL --file data/prices/AAPL.csv --speed 100x`:
 * replays a daily price history as quotes through the gateway, as a market
 * data feed would, so holdings, watchlists and alerts can be watched moving.
 * `npm run feed -- --help` explains every option.
 */
import { QuotesIngested } from '@finstack/contracts';
import { createFinstackClient } from '@finstack/client';
import { readFile } from 'node:fs/promises';
import { FeedOptions, parseFeedArgs, USAGE, UsageError } from './feed/feed-options';
import { parsePriceHistory, PriceHistoryError } from './feed/price-history';
import { FeedError, QuoteSender } from './feed/quote-sender';
import { batchesOf, paceOf, quoteOf } from './feed/replay-pace';
import { runCommand } from './run-command';

/** Progress is printed at most this often, and after the last batch. */
const PROGRESS_EVERY_MS = 1000;

interface Tally extends QuotesIngested {
  sent: number;
}

async function replay(options: FeedOptions, stopRequested: () => boolean): Promise<Tally> {
  const history = await parsePriceHistory(await readPriceFile(options.file), options.priceField);
  const days = history.prices.slice(0, options.limit);
  const pace = paceOf(options.speed);
  const batches = batchesOf(
    days.map((day) => quoteOf(options.ticker, day, options.currency)),
    pace.batchSize,
  );
  const skipped = history.skipped > 0 ? ` (${history.skipped} rows without a price skipped)` : '';
  console.log(`${options.ticker}: ${days.length} trading days from ${options.file}${skipped}, to ${options.url} at ${options.speed === 'max' ? 'max' : `${options.speed}x`}`);

  const sender = new QuoteSender(createFinstackClient({ baseUrl: options.url }), options.url, options.credentials);
  const tally: Tally = { sent: 0, accepted: 0, ignored: 0, alertsTriggered: 0 };
  const began = Date.now();
  let printedAt = began;
  for (const [index, batch] of batches.entries()) {
    if (stopRequested()) break;
    // Each batch has its own slot from the start, so a slow response does not slow the whole replay.
    await sleep(began + index * pace.intervalMs - Date.now());
    const result = await sender.send(batch);
    tally.sent += batch.length;
    tally.accepted += result.accepted;
    tally.ignored += result.ignored;
    tally.alertsTriggered += result.alertsTriggered;
    if (Date.now() - printedAt >= PROGRESS_EVERY_MS && index < batches.length - 1) {
      printedAt = Date.now();
      console.log(`  ${batch[batch.length - 1].at.slice(0, 10)}  ${tally.sent}/${days.length} sent, ${summary(tally)}`);
    }
  }
  return tally;
}

async function readPriceFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

const summary = (tally: QuotesIngested) =>
  `${tally.accepted} accepted, ${tally.ignored} ignored, ${tally.alertsTriggered} alerts`;

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

async function main(): Promise<number> {
  let options: FeedOptions | 'help';
  try {
    options = parseFeedArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`feed: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  // Ctrl-C stops after the batch in flight, and still prints what was sent.
  let stopping = false;
  process.once('SIGINT', () => (stopping = true));
  try {
    const tally = await replay(options, () => stopping);
    console.log(`${stopping ? 'stopped' : 'done'}: ${tally.sent} quotes sent, ${summary(tally)} triggered`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof PriceHistoryError) {
      console.error(`feed: ${error.message}`);
      return 2;
    }
    if (error instanceof FeedError) {
      console.error(`feed: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

runCommand(main);

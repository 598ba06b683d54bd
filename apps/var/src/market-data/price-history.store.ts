import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { isNotFound, isNotModified } from '@finstack/object-store';
import { parsePriceCsv } from '../analysis/prices';
import { PriceRow } from '../analysis/types';
import { PriceHistoryInvalidError, UnknownTickerError } from './errors';
import { normalisePriceCsv, strictIsoDate } from './price-csv';

const PREFIX = 'prices/';
const TICKER = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;
/** Object reads in flight for one lastRows call: a wallet's worth of tickers without flooding the store. */
const LAST_ROW_READS_AT_ONCE = 8;

export interface StoredHistory {
  ticker: string;
  rows: number;
  from: string;
  to: string;
  etag: string;
}

export interface HistoryRange {
  /** inclusive ISO or dd/mm/yyyy dates */
  from?: string;
  to?: string;
}

interface CachedSeries {
  etag: string;
  rows: readonly PriceRow[];
}

/**
 * Price histories as normalised CSV objects `prices/<TICKER>.csv` in one bucket. Parsed series are
 * cached in memory and revalidated by ETag on every read (GetObject + IfNoneMatch), so another
 * instance's upload is seen at once and an unchanged file is neither downloaded nor parsed again.
 * Plain class, no NestJS: the var service wires it with the S3 client.
 */
export class PriceHistoryStore {
  private readonly cache = new Map<string, CachedSeries>();

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /** Upper-cased ticker, or PriceHistoryInvalidError (it becomes part of an object key). */
  static normaliseTicker(ticker: string): string {
    const upper = ticker.trim().toUpperCase();
    if (!TICKER.test(upper) || upper.includes('..')) {
      throw new PriceHistoryInvalidError([{ line: 0, message: `ticker must be 1-16 letters, digits, "." or "-", got "${ticker}"` }]);
    }
    return upper;
  }

  async putCsv(ticker: string, csvText: string): Promise<StoredHistory> {
    const name = PriceHistoryStore.normaliseTicker(ticker);
    const csv = normalisePriceCsv(csvText);
    const out = await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: keyOf(name), Body: csv.text, ContentType: 'text/csv; charset=utf-8' }),
    );
    const etag = out.ETag ?? '';
    this.cache.delete(name); // the next read revalidates against the new ETag
    return { ticker: name, rows: csv.rows, from: csv.from, to: csv.to, etag };
  }

  async tickers(): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }));
      for (const { Key } of page.Contents ?? []) {
        if (Key?.endsWith('.csv') && !Key.slice(PREFIX.length).includes('/')) names.push(Key.slice(PREFIX.length, -'.csv'.length));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return names.sort();
  }

  /** Rows oldest first, filtered to the inclusive range; UnknownTickerError when nothing is stored. */
  async history(ticker: string, range: HistoryRange = {}): Promise<PriceRow[]> {
    const from = rangeDate('from', range.from);
    const to = rangeDate('to', range.to);
    const rows = await this.series(PriceHistoryStore.normaliseTicker(ticker));
    return rows.filter((r) => (from === undefined || r.date >= from) && (to === undefined || r.date <= to));
  }

  /** The newest stored row of each ticker that has a history, read a few at a time (each read is one revalidating GetObject). */
  async lastRows(tickers: readonly string[]): Promise<Map<string, PriceRow>> {
    const found = new Map<string, PriceRow>();
    const queue = [...new Set(tickers.map((ticker) => PriceHistoryStore.normaliseTicker(ticker)))];
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        try {
          const rows = await this.series(name);
          if (rows.length > 0) found.set(name, rows[rows.length - 1]!);
        } catch (err) {
          if (!(err instanceof UnknownTickerError)) throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LAST_ROW_READS_AT_ONCE, queue.length) }, worker));
    return found;
  }

  private async series(name: string): Promise<readonly PriceRow[]> {
    const cached = this.cache.get(name);
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: keyOf(name), IfNoneMatch: cached?.etag }));
      // Stored objects were validated on upload, so the analysis parser can read them as is.
      const rows = parsePriceCsv(await out.Body!.transformToString('utf-8')).map((r) => Object.freeze(r));
      if (out.ETag) this.cache.set(name, { etag: out.ETag, rows });
      return rows;
    } catch (err) {
      // The SDK throws on 304 Not Modified: the cached series is current.
      if (cached && isNotModified(err)) return cached.rows;
      if (isNotFound(err)) {
        this.cache.delete(name);
        throw new UnknownTickerError(name);
      }
      throw err;
    }
  }
}

function keyOf(ticker: string): string {
  return `${PREFIX}${ticker}.csv`;
}

function rangeDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const iso = strictIsoDate(value.trim());
  if (!iso) throw new PriceHistoryInvalidError([{ line: 0, message: `${name} must be a dd/mm/yyyy or yyyy-mm-dd date, got "${value}"` }]);
  return iso;
}

import { S3Client } from '@aws-sdk/client-s3';
import { createObjectStoreClient, ensureBucket, LocalS3Server } from '@finstack/object-store';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prices from '../analysis/prices';
import { PriceHistoryInvalidError, UnknownTickerError } from './errors';
import { PriceHistoryStore } from './price-history.store';

const AAPL = readFileSync(join(__dirname, '../../../../data/prices/AAPL.csv'), 'utf8');
const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('PriceHistoryStore', () => {
  let root: string;
  let server: LocalS3Server;
  let s3: S3Client;
  let store: PriceHistoryStore;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'price-store-'));
    server = new LocalS3Server({ root });
    const endpoint = await server.start();
    s3 = createObjectStoreClient({ endpoint, region: 'us-east-1', accessKeyId: 'local', secretAccessKey: 'local', forcePathStyle: true });
    await ensureBucket(s3, 'market-data');
    store = new PriceHistoryStore(s3, 'market-data');
  });

  afterAll(async () => {
    s3.destroy();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  afterEach(() => jest.restoreAllMocks());

  const invalid = async (text: string) => {
    const err = await store.putCsv('BAD', text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PriceHistoryInvalidError);
    return (err as PriceHistoryInvalidError).problems;
  };

  it('round-trips AAPL (dd/mm/yyyy, CRLF) as normalised ISO rows', async () => {
    const stored = await store.putCsv('aapl', AAPL);
    expect(stored).toMatchObject({ ticker: 'AAPL', rows: 3775, from: '2005-02-22', to: '2020-02-20' });
    const rows = await store.history('AAPL');
    expect(rows).toHaveLength(3775);
    expect(rows[0]).toEqual({ date: '2005-02-22', open: 6.164286, high: 6.307143, low: 6.092143, close: 6.092143, adjClose: 5.288228 });
    expect(rows[rows.length - 1]).toMatchObject({ date: '2020-02-20', close: 320.299988 });
    expect(rows).toEqual(prices.parsePriceCsv(AAPL));
  });

  it('filters by an inclusive date range in either date format', async () => {
    const rows = await store.history('AAPL', { from: '2020-02-14', to: '19/02/2020' });
    expect(rows.map((r) => r.date)).toEqual(['2020-02-14', '2020-02-18', '2020-02-19']);
    await expect(store.history('AAPL', { from: '2020-13-01' })).rejects.toBeInstanceOf(PriceHistoryInvalidError);
  });

  it('lists stored tickers', async () => {
    await store.putCsv('MSFT', csv('2024-01-02,1,2,0.5,1.5,1.5,100'));
    expect(await store.tickers()).toEqual(expect.arrayContaining(['AAPL', 'MSFT']));
  });

  it('reports an unknown ticker as UnknownTickerError', async () => {
    await expect(store.history('NOPE')).rejects.toBeInstanceOf(UnknownTickerError);
  });

  it('rejects unsorted and duplicate dates with line numbers', async () => {
    expect(await invalid(csv('2024-01-03,1,1,1,1,1,1', '2024-01-02,1,1,1,1,1,1', '2024-01-02,1,1,1,1,1,1'))).toEqual([
      { line: 3, message: 'date 2024-01-02 is before 2024-01-03: rows must be sorted oldest first' },
      { line: 4, message: 'duplicate date 2024-01-02' },
    ]);
  });

  it('rejects a gap in a column', async () => {
    expect(await invalid(csv('02/01/2024,1,1,1,1,1,1', '03/01/2024,1,1,,1,1,1'))).toEqual([{ line: 3, message: 'Low is empty' }]);
  });

  it('rejects a negative price and a fractional volume', async () => {
    expect(await invalid(csv('2024-01-02,1,1,1,-4,1,1', '2024-01-03,1,1,1,1,1,1.5'))).toEqual([
      { line: 2, message: 'Close must be a positive number, got "-4"' },
      { line: 3, message: 'Volume must be a non-negative integer, got "1.5"' },
    ]);
  });

  it('rejects a bad date and a wrong header', async () => {
    expect(await invalid(csv('31/02/2024,1,1,1,1,1,1'))).toEqual([{ line: 2, message: 'Date "31/02/2024" is not a valid dd/mm/yyyy or yyyy-mm-dd date' }]);
    expect((await invalid('Date,Close\n2024-01-02,1'))[0]).toEqual({ line: 1, message: `header must be ${HEADER}` });
    await expect(store.putCsv('../etc', csv('2024-01-02,1,1,1,1,1,1'))).rejects.toBeInstanceOf(PriceHistoryInvalidError);
    expect(await store.tickers()).not.toContain('BAD');
  });

  it('reuses the cached series while the ETag is unchanged (304) and sees a new upload from another instance', async () => {
    const reader = new PriceHistoryStore(s3, 'market-data');
    const writer = new PriceHistoryStore(s3, 'market-data');
    await writer.putCsv('CACHE', csv('2024-01-02,1,1,1,1,1,1'));
    const parse = jest.spyOn(prices, 'parsePriceCsv');

    expect(await reader.history('CACHE')).toHaveLength(1);
    expect(await reader.history('CACHE')).toHaveLength(1);
    expect(await reader.history('CACHE', { from: '2024-01-02' })).toHaveLength(1);
    expect(parse).toHaveBeenCalledTimes(1);

    await writer.putCsv('CACHE', csv('2024-01-02,1,1,1,1,1,1', '2024-01-03,2,2,2,2,2,2'));
    expect((await reader.history('CACHE')).map((r) => r.close)).toEqual([1, 2]);
    expect(parse).toHaveBeenCalledTimes(2);
    expect(await reader.history('CACHE')).toHaveLength(2);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});

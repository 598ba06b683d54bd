import { createObjectStoreClient, objectStoreClientOptions, ObjectStoreEnv } from '@finstack/object-store';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PRICE_CSV_HEADER, PriceHistoryStore, StoredHistory } from '../../apps/var/src/market-data';

/** A sample price history of the repository, and how to read it as the standard CSV. */
interface SamplePrices {
  ticker: string;
  read(): string;
}

/** vega-datasets names its columns in lower case (date,open,…,adjclose,volume); the rows are already standard. */
function withStandardHeader(csv: string): string {
  return `${PRICE_CSV_HEADER}\n${csv.slice(csv.indexOf('\n') + 1)}`;
}

/** The package exports only its index; the data folder sits beside the build folder. */
function vegaDataFile(name: string): string {
  return join(dirname(require.resolve('vega-datasets')), '..', 'data', name);
}

export const SAMPLE_PRICES: readonly SamplePrices[] = [
  { ticker: 'AAPL', read: () => readFileSync(join(process.cwd(), 'data', 'prices', 'AAPL.csv'), 'utf8') },
  { ticker: 'AMZN', read: () => readFileSync(join(process.cwd(), 'data', 'prices', 'AMZN.csv'), 'utf8') },
  // The daily S&P 500 index since 2000.
  { ticker: 'SPX', read: () => withStandardHeader(readFileSync(vegaDataFile('sp500-2000.csv'), 'utf8')) },
];

/**
 * Stores the sample histories in the bucket, through the same validation as
 * an operator's upload. Storing one again replaces it with the same content.
 */
export async function seedSamplePrices(env: ObjectStoreEnv): Promise<StoredHistory[]> {
  const s3 = createObjectStoreClient(objectStoreClientOptions(env));
  try {
    const store = new PriceHistoryStore(s3, env.S3_BUCKET);
    const stored: StoredHistory[] = [];
    for (const sample of SAMPLE_PRICES) stored.push(await store.putCsv(sample.ticker, sample.read()));
    return stored;
  } finally {
    s3.destroy();
  }
}

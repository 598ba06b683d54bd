import { createObjectStoreClient, objectStoreClientOptions, ObjectStoreEnv } from '@finstack/object-store';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PriceHistoryStore, StoredHistory } from '../../apps/var/src/market-data';

/** A sample price history of the repository, and how to read it as the standard CSV. */
interface SamplePrices {
  ticker: string;
  read(): string;
}

const pricesFile = (name: string) => readFileSync(join(process.cwd(), 'data', 'prices', name), 'utf8');

export const SAMPLE_PRICES: readonly SamplePrices[] = [
  { ticker: 'AAPL', read: () => pricesFile('AAPL.csv') },
  { ticker: 'AMZN', read: () => pricesFile('AMZN.csv') },
  // The daily S&P 500 index, 2000 to 2020 (data/prices/README.md says where it comes from).
  { ticker: 'SPX', read: () => pricesFile('SPX.csv') },
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

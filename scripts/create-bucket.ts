/**
 * `node dist/scripts/create-bucket.js`: creates S3_BUCKET in the object store
 * of the environment unless it exists, then exits (compose's one-shot bucket
 * job, before the var service and the seed use it).
 */
import { ConfigError, loadEnv } from '@finstack/config';
import { createObjectStoreClient, ensureBucket, objectStoreClientOptions, ObjectStoreEnv } from '@finstack/object-store';

async function main(): Promise<void> {
  const env = loadEnv(ObjectStoreEnv);
  const s3 = createObjectStoreClient(objectStoreClientOptions(env));
  try {
    await ensureBucket(s3, env.S3_BUCKET);
    console.log(`bucket ${env.S3_BUCKET} is ready at ${env.S3_ENDPOINT ?? 'AWS S3'}`);
  } finally {
    s3.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

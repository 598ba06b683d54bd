import { BucketAlreadyOwnedByYou, CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';

export interface ObjectStoreClientOptions {
  /** unset for AWS S3; the S3-compatible or local server URL otherwise */
  endpoint?: string;
  region: string;
  /** both or neither: neither uses the SDK's default credential chain (AWS roles) */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** true for S3-compatible servers and the local server (bucket in the path, not the host name) */
  forcePathStyle: boolean;
}

/** The one S3 client of all three run modes: only the endpoint, style and credentials change. */
export function createObjectStoreClient(options: ObjectStoreClientOptions): S3Client {
  const { endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } = options;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('object store: give both accessKeyId and secretAccessKey, or neither');
  }
  return new S3Client({
    endpoint,
    region,
    forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // The SDK's default (WHEN_SUPPORTED) sends streaming bodies aws-chunked with trailing checksums;
    // some S3-compatible servers store that framing as content. Checksums only where an API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Creates the bucket unless it exists (startup of embedded and compose modes). */
export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    if (!(err instanceof BucketAlreadyOwnedByYou)) throw err; // created concurrently
  }
}

function status(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/**
 * GetObject/HeadObject with IfNoneMatch: the SDK reports 304 as a thrown error (name "NotModified"
 * or "304" depending on the server), so the status code is the reliable test.
 */
export function isNotModified(err: unknown): boolean {
  return status(err) === 304;
}

/** NoSuchKey / NoSuchBucket / NotFound (HEAD responses have no body, so only the status is known). */
export function isNotFound(err: unknown): boolean {
  return status(err) === 404;
}

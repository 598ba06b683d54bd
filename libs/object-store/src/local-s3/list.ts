import { notImplemented, S3Error } from './s3-error';
import { ListedObject, ListResult } from './xml';

const MAX_KEYS = 1000;

/** One ListObjectsV2 page from the full sorted listing: delimiter grouping, max-keys and continuation tokens. */
export function listPage(bucket: string, all: ListedObject[], query: URLSearchParams): ListResult {
  if (query.get('list-type') !== '2') throw notImplemented('ListObjects (v1)');
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') || undefined;
  const startAfter = query.get('start-after') ?? undefined;
  const continuationToken = query.get('continuation-token') ?? undefined;
  const rawMax = query.get('max-keys');
  const maxKeys = rawMax === null ? MAX_KEYS : Number(rawMax);
  if (!Number.isInteger(maxKeys) || maxKeys < 0) throw new S3Error(400, 'InvalidArgument', 'max-keys must be a non-negative integer');
  const after = continuationToken !== undefined ? decodeToken(continuationToken) : startAfter;
  const limit = Math.min(maxKeys, MAX_KEYS);

  const contents: ListedObject[] = [];
  const commonPrefixes: string[] = [];
  let lastKey: string | undefined;
  let truncated = false;
  for (const object of all) {
    if (after !== undefined && Buffer.compare(Buffer.from(object.key), Buffer.from(after)) <= 0) continue;
    const rest = object.key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    const group = cut >= 0 ? prefix + rest.slice(0, cut + delimiter!.length) : undefined;
    // Keys under a prefix already returned are consumed without counting, so the token can skip past them.
    if (group !== undefined && group === commonPrefixes[commonPrefixes.length - 1]) {
      lastKey = object.key;
      continue;
    }
    if (contents.length + commonPrefixes.length >= limit) {
      truncated = true;
      break;
    }
    if (group !== undefined) commonPrefixes.push(group);
    else contents.push(object);
    lastKey = object.key;
  }
  const nextContinuationToken = truncated && lastKey !== undefined ? Buffer.from(lastKey).toString('base64url') : undefined;
  return { bucket, prefix, delimiter, maxKeys: limit, startAfter, continuationToken, nextContinuationToken, contents, commonPrefixes };
}

function decodeToken(token: string): string {
  return Buffer.from(token, 'base64url').toString('utf8');
}

import { resolve, sep } from 'node:path';

/** S3 bucket naming rules (lower case, 3..63, no leading dot), so a bucket is always one safe folder name. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const MAX_KEY_BYTES = 1024;

export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes('..');
}

/**
 * Why a key cannot be stored as a file under the bucket folder, or null when it can.
 * Keys map to nested folders, so `.`/`..`/empty segments, absolute paths,
 * backslashes and NUL are refused rather than normalised: a key never escapes the root.
 */
export function keyProblem(key: string): string | null {
  if (key.length === 0) return 'empty key';
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) return 'key longer than 1024 bytes';
  if (key.includes('\0') || key.includes('\\')) return 'key contains NUL or a backslash';
  if (key.startsWith('/')) return 'absolute key';
  const segments = key.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'key has an empty, "." or ".." segment';
  if (segments.some((s) => Buffer.byteLength(s) > 255)) return 'key segment longer than 255 bytes';
  return null;
}

/** Absolute file path of a key; throws when it would leave the bucket folder (belt and braces after keyProblem). */
export function objectPath(bucketDir: string, key: string): string {
  const problem = keyProblem(key);
  if (problem) throw new Error(problem);
  const base = resolve(bucketDir);
  const path = resolve(base, ...key.split('/'));
  if (!path.startsWith(base + sep)) throw new Error('key escapes the bucket folder');
  return path;
}

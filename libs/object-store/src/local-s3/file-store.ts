import { createHash, randomUUID } from 'node:crypto';
import { FileHandle, mkdir, open, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { isValidBucketName, keyProblem, objectPath } from './keys';
import { noSuchBucket, noSuchKey, S3Error } from './s3-error';
import { ListedObject } from './xml';

export interface OpenedObject {
  handle: FileHandle;
  size: number;
  lastModified: Date;
  etag: string;
}

interface EtagEntry {
  ino: number;
  size: number;
  mtimeMs: number;
  etag: string;
}

const TMP_DIR = '.tmp';

/**
 * Buckets are folders under root, objects are files under their bucket (key segments = folders).
 * Uploads go to root/.tmp first and are renamed into place, so a reader sees the old file or the new
 * one, never half of one. ETags (quoted MD5 hex) are kept in memory keyed by inode, size and mtime,
 * and recomputed from the file when unknown (e.g. files left in .data/ by an earlier run).
 */
export class FileObjectStore {
  private readonly etags = new Map<string, EtagEntry>();

  constructor(private readonly root: string) {}

  private bucketDir(bucket: string): string {
    if (!isValidBucketName(bucket)) throw new S3Error(400, 'InvalidBucketName', `The specified bucket is not valid: ${bucket}`);
    return join(this.root, bucket);
  }

  private pathOf(bucket: string, key: string): string {
    const problem = keyProblem(key);
    if (problem) throw new S3Error(400, 'InvalidArgument', `Invalid key: ${problem}`);
    return objectPath(this.bucketDir(bucket), key);
  }

  async createBucket(bucket: string): Promise<void> {
    const dir = this.bucketDir(bucket);
    await mkdir(this.root, { recursive: true });
    try {
      await mkdir(dir);
    } catch (err) {
      if (code(err) === 'EEXIST') throw new S3Error(409, 'BucketAlreadyOwnedByYou', `Bucket already exists: ${bucket}`);
      throw err;
    }
  }

  async requireBucket(bucket: string): Promise<string> {
    const dir = this.bucketDir(bucket);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw noSuchBucket(bucket);
    return dir;
  }

  async put(bucket: string, key: string, body: Readable, length: number, contentMd5?: string): Promise<string> {
    await this.requireBucket(bucket);
    const path = this.pathOf(bucket, key);
    const tmpDir = join(this.root, TMP_DIR);
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('md5');
    let received = 0;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            received += chunk.length;
            if (received > length) throw new S3Error(400, 'IncompleteBody', 'More data than Content-Length');
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp),
      );
      if (received !== length) throw new S3Error(400, 'IncompleteBody', 'Less data than Content-Length');
      const digest = hash.digest();
      if (contentMd5 !== undefined && contentMd5 !== digest.toString('base64')) {
        throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what was received');
      }
      await this.moveIntoPlace(tmp, path, key);
      const etag = `"${digest.toString('hex')}"`;
      const info = await stat(path);
      this.etags.set(path, { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, etag });
      return etag;
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  private async moveIntoPlace(tmp: string, path: string, key: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true });
      await rename(tmp, path);
    } catch (err) {
      // "a" and "a/b" cannot both exist as file and folder: a limit of this layout, not of S3.
      if (['EEXIST', 'ENOTDIR', 'EISDIR'].includes(code(err) ?? '')) {
        throw new S3Error(409, 'InvalidArgument', `Key conflicts with an existing key's folder: ${key}`);
      }
      throw err;
    }
  }

  /** Opens the object; the caller streams from (and closes) the handle. Size and ETag describe that open file. */
  async open(bucket: string, key: string): Promise<OpenedObject> {
    await this.requireBucket(bucket);
    const path = this.pathOf(bucket, key);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      if (['ENOENT', 'ENOTDIR'].includes(code(err) ?? '')) throw noSuchKey(key);
      throw err;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw noSuchKey(key);
      const known = this.etags.get(path);
      let etag = known && known.ino === info.ino && known.size === info.size && known.mtimeMs === info.mtimeMs ? known.etag : undefined;
      if (!etag) {
        etag = await md5Of(handle);
        this.etags.set(path, { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, etag });
      }
      return { handle, size: info.size, lastModified: info.mtime, etag };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** S3 deletes are idempotent: a missing key is not an error. Empty folders left behind are removed. */
  async delete(bucket: string, key: string): Promise<void> {
    const dir = await this.requireBucket(bucket);
    const path = this.pathOf(bucket, key);
    try {
      await unlink(path);
    } catch (err) {
      if (['ENOENT', 'ENOTDIR', 'EISDIR', 'EPERM'].includes(code(err) ?? '')) return;
      throw err;
    }
    this.etags.delete(path);
    for (let parent = dirname(path); parent.startsWith(dir + sep); parent = dirname(parent)) {
      if (!(await rmdir(parent).then(() => true, () => false))) break;
    }
  }

  /** Every object of the bucket whose key starts with prefix, in S3 order (UTF-8 bytes). */
  async list(bucket: string, prefix: string): Promise<ListedObject[]> {
    const dir = await this.requireBucket(bucket);
    const files = await walk(dir);
    const keys = files.map((f) => relative(dir, f).split(sep).join('/')).filter((k) => k.startsWith(prefix));
    keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const out: ListedObject[] = [];
    for (const key of keys) {
      const opened = await this.open(bucket, key).catch(() => null); // deleted meanwhile
      if (!opened) continue;
      await opened.handle.close();
      out.push({ key, etag: opened.etag, size: opened.size, lastModified: opened.lastModified });
    }
    return out;
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

async function md5Of(handle: FileHandle): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer);
  return `"${hash.digest('hex')}"`;
}

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException)?.code;
}

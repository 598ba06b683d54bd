import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createObjectStoreClient, ensureBucket, isNotFound, isNotModified } from '../client';
import { keyProblem } from './keys';
import { LocalS3Server } from './server';

const BUCKET = 'finstack-test';

describe('LocalS3Server with @aws-sdk/client-s3', () => {
  let root: string;
  let server: LocalS3Server;
  let s3: S3Client;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'local-s3-'));
    server = new LocalS3Server({ root });
    const endpoint = await server.start();
    s3 = createObjectStoreClient({ endpoint, region: 'eu-west-1', accessKeyId: 'local', secretAccessKey: 'local', forcePathStyle: true });
    await ensureBucket(s3, BUCKET);
  });

  afterAll(async () => {
    s3.destroy();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  const get = async (Key: string) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    return { body: Buffer.from(await out.Body!.transformToByteArray()), out };
  };

  it('listens on loopback only', () => {
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('round-trips a 1 MB body with an MD5 ETag, Content-Length and Last-Modified', async () => {
    const body = Buffer.alloc(1024 * 1024, 0).map((_, i) => (i * 31) % 251);
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'big/one-mb.bin', Body: body }));
    const md5 = `"${createHash('md5').update(body).digest('hex')}"`;
    expect(put.ETag).toBe(md5);
    const { body: read, out } = await get('big/one-mb.bin');
    expect(read.equals(body)).toBe(true);
    expect(out.ETag).toBe(md5);
    expect(out.ContentLength).toBe(body.length);
    expect(out.LastModified).toBeInstanceOf(Date);
  });

  it('round-trips a key with spaces and other characters to encode', async () => {
    const Key = 'notes/my file (v2) +ü.txt';
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'hello world' }));
    expect((await get(Key)).body.toString()).toBe('hello world');
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));
    expect(head.ContentLength).toBe(11);
  });

  it('answers If-None-Match with 304, which the SDK throws and isNotModified recognises', async () => {
    const { ETag } = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'etag.txt', Body: 'v1' }));
    const err = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'etag.txt', IfNoneMatch: ETag })).catch((e: unknown) => e);
    expect(isNotModified(err)).toBe(true);
    const other = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'etag.txt', IfNoneMatch: '"0123"' }));
    expect(await other.Body!.transformToString()).toBe('v1');
  });

  it('replaces an object and changes its ETag', async () => {
    const a = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'replace.txt', Body: 'first' }));
    const b = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'replace.txt', Body: 'second' }));
    expect(a.ETag).not.toBe(b.ETag);
    expect((await get('replace.txt')).body.toString()).toBe('second');
  });

  it('lists by prefix (ListObjectsV2), with delimiter and pagination', async () => {
    for (const k of ['list/a.csv', 'list/b.csv', 'list/c.csv', 'list/sub/d.csv']) {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: k, Body: k }));
    }
    const all = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'list/' }));
    expect(all.Contents?.map((c) => c.Key)).toEqual(['list/a.csv', 'list/b.csv', 'list/c.csv', 'list/sub/d.csv']);
    expect(all.IsTruncated).toBe(false);
    expect(all.Contents?.[0]).toMatchObject({ Size: 10, ETag: `"${createHash('md5').update('list/a.csv').digest('hex')}"` });
    expect(all.Contents?.[0].LastModified).toBeInstanceOf(Date);

    const grouped = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'list/', Delimiter: '/' }));
    expect(grouped.Contents?.map((c) => c.Key)).toEqual(['list/a.csv', 'list/b.csv', 'list/c.csv']);
    expect(grouped.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['list/sub/']);

    const page1 = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'list/', MaxKeys: 3 }));
    expect(page1.IsTruncated).toBe(true);
    const page2 = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'list/', ContinuationToken: page1.NextContinuationToken }));
    expect(page2.Contents?.map((c) => c.Key)).toEqual(['list/sub/d.csv']);
    expect(page2.IsTruncated).toBe(false);
  });

  it('deletes (idempotently) and then reports NoSuchKey', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'gone/soon.txt', Body: 'x' }));
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone/soon.txt' }));
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone/soon.txt' }));
    await expect(get('gone/soon.txt')).rejects.toBeInstanceOf(NoSuchKey);
    const list = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'gone/' }));
    expect(list.Contents ?? []).toEqual([]);
  });

  it('reports NoSuchKey for a missing object and a 404 for HEAD', async () => {
    const err = await get('missing.txt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuchKey);
    expect((err as Error).name).toBe('NoSuchKey');
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing.txt' })).catch((e: unknown) => e);
    expect(isNotFound(head)).toBe(true);
  });

  it('reports NoSuchBucket for an unknown bucket', async () => {
    const err = await s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'x' })).catch((e: unknown) => e);
    expect((err as Error).name).toBe('NoSuchBucket');
    expect(isNotFound(err)).toBe(true);
  });

  it('ensureBucket is idempotent; CreateBucket on an existing bucket is BucketAlreadyOwnedByYou', async () => {
    await ensureBucket(s3, BUCKET);
    const err = await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((e: unknown) => e);
    expect((err as Error).name).toBe('BucketAlreadyOwnedByYou');
  });

  it('refuses keys that would escape the root, over raw HTTP (the SDK would normalise them)', async () => {
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => {
        // Options, not a URL string: node would resolve the dot segments before sending.
        const { port } = new URL(server.endpoint);
        const req = request({ host: '127.0.0.1', port, path, method: 'PUT', headers: { 'Content-Length': 1 } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('x');
      });
    expect(await status(`/${BUCKET}/a/%2E%2E/%2E%2E/escaped.txt`)).toBe(400);
    expect(await status(`/${BUCKET}/%2Fetc%2Fescaped.txt`)).toBe(400);
    expect(await status(`/${BUCKET}/..%2F..%2Fescaped.txt`)).toBe(400);
    expect(await readdir(join(root, '..'))).not.toContain('escaped.txt');
    expect(keyProblem('a/../b')).toMatch(/segment/);
    expect(keyProblem('/abs')).toBe('absolute key');
  });

  it('leaves no temporary files behind', async () => {
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });

  it('refuses aws-chunked uploads instead of storing the framing', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.endpoint}/${BUCKET}/chunked.txt`,
        { method: 'PUT', headers: { 'Content-Length': 3, 'Content-Encoding': 'aws-chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('abc');
    });
    expect(status).toBe(501);
    await expect(get('chunked.txt')).rejects.toBeInstanceOf(NoSuchKey);
  });
});

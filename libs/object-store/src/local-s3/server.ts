import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { FileObjectStore } from './file-store';
import { listPage } from './list';
import { notImplemented, S3Error } from './s3-error';
import { errorXml, listObjectsV2Xml } from './xml';

export interface LocalS3ServerOptions {
  /** folder holding one sub-folder per bucket (embedded mode: under .data/) */
  root: string;
  /** 0 (default) picks a free port */
  port?: number;
}

/** Query parameters the SDK adds to object requests that change nothing here. */
const IGNORED_OBJECT_QUERY = new Set(['x-id']);

/**
 * A minimal S3-compatible server for embedded mode and tests: path-style buckets, Create/HeadBucket,
 * Put/Get/Head/DeleteObject and ListObjectsV2, with S3 XML errors.
 *
 * It binds 127.0.0.1 only and does NOT check SigV4 signatures: anything that can reach loopback
 * could read it anyway, and it must never be exposed (compose uses an S3 server, AWS uses S3).
 */
export class LocalS3Server {
  private server?: Server;
  private readonly store: FileObjectStore;

  constructor(private readonly options: LocalS3ServerOptions) {
    this.store = new FileObjectStore(options.root);
  }

  /** Starts listening and returns the endpoint URL, e.g. http://127.0.0.1:40123 */
  async start(): Promise<string> {
    if (this.server) throw new Error('local S3 server already started');
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    return this.endpoint;
  }

  get endpoint(): string {
    if (!this.server) throw new Error('local S3 server not started');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    res.setHeader('x-amz-request-id', requestId);
    let resource = req.url ?? '/';
    try {
      // Split the raw path by hand: WHATWG URL would resolve "%2E%2E" segments before the key checks see them.
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const path = q < 0 ? raw : raw.slice(0, q);
      const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
      const slash = path.indexOf('/', 1);
      const bucket = decodeUri(slash < 0 ? path.slice(1) : path.slice(1, slash));
      const key = slash < 0 ? '' : decodeUri(path.slice(slash + 1));
      resource = key ? `/${bucket}/${key}` : `/${bucket}`;
      if (!bucket) throw notImplemented('ListBuckets');
      if (key) await this.objectRequest(req, res, bucket, key, query);
      else await this.bucketRequest(req, res, bucket, query);
    } catch (err) {
      this.fail(req, res, err, resource, requestId);
    }
  }

  private async bucketRequest(req: IncomingMessage, res: ServerResponse, bucket: string, query: URLSearchParams): Promise<void> {
    if (req.method === 'PUT' && [...query.keys()].every((k) => IGNORED_OBJECT_QUERY.has(k))) {
      req.resume(); // CreateBucketConfiguration (region) is irrelevant here
      await this.store.createBucket(bucket);
      res.writeHead(200, { Location: `/${bucket}` }).end();
    } else if (req.method === 'HEAD') {
      await this.store.requireBucket(bucket);
      res.writeHead(200).end();
    } else if (req.method === 'GET') {
      const page = listPage(bucket, await this.store.list(bucket, query.get('prefix') ?? ''), query);
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end(listObjectsV2Xml(page));
    } else {
      throw notImplemented(`${req.method} on a bucket`);
    }
  }

  private async objectRequest(req: IncomingMessage, res: ServerResponse, bucket: string, key: string, query: URLSearchParams): Promise<void> {
    const subresource = [...query.keys()].find((k) => !IGNORED_OBJECT_QUERY.has(k));
    if (subresource) throw notImplemented(`?${subresource}`);
    switch (req.method) {
      case 'PUT':
        return this.putObject(req, res, bucket, key);
      case 'GET':
      case 'HEAD':
        return this.getObject(req, res, bucket, key);
      case 'DELETE':
        await this.store.delete(bucket, key);
        res.writeHead(204).end();
        return;
      default:
        throw notImplemented(`${req.method} on an object`);
    }
  }

  private async putObject(req: IncomingMessage, res: ServerResponse, bucket: string, key: string): Promise<void> {
    if (req.headers['x-amz-copy-source']) throw notImplemented('CopyObject');
    // With aws-chunked the body carries chunk framing and trailing checksums; storing it would corrupt the object.
    const encoding = String(req.headers['content-encoding'] ?? '');
    const sha = String(req.headers['x-amz-content-sha256'] ?? '');
    if (encoding.includes('aws-chunked') || sha.startsWith('STREAMING-')) {
      throw notImplemented("aws-chunked uploads (set requestChecksumCalculation: 'WHEN_REQUIRED')");
    }
    const length = Number(req.headers['content-length']);
    if (req.headers['content-length'] === undefined || !Number.isSafeInteger(length) || length < 0) {
      throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
    }
    const md5 = req.headers['content-md5'];
    const etag = await this.store.put(bucket, key, req, length, typeof md5 === 'string' ? md5 : undefined);
    res.writeHead(200, { ETag: etag }).end();
  }

  private async getObject(req: IncomingMessage, res: ServerResponse, bucket: string, key: string): Promise<void> {
    const object = await this.store.open(bucket, key);
    const headers = { ETag: object.etag, 'Last-Modified': object.lastModified.toUTCString() };
    let streaming = false;
    try {
      const ifMatch = req.headers['if-match'];
      if (ifMatch !== undefined && !etagListMatches(ifMatch, object.etag)) {
        throw new S3Error(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
      }
      const ifNoneMatch = req.headers['if-none-match'];
      if (ifNoneMatch !== undefined && etagListMatches(ifNoneMatch, object.etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': object.size, 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'none' });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = object.handle.createReadStream({ start: 0 }); // closes the handle when done
      streaming = true;
      stream.on('error', () => res.destroy());
      stream.pipe(res);
      res.on('close', () => stream.destroy());
    } finally {
      if (!streaming) await object.handle.close();
    }
  }

  private fail(req: IncomingMessage, res: ServerResponse, err: unknown, resource: string, requestId: string): void {
    const s3 = err instanceof S3Error ? err : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
    if (!(err instanceof S3Error)) console.error('local S3 server:', err);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    req.resume(); // drain an unread upload so the connection can answer
    // Close the connection only when an upload was left unread, so keep-alive survives ordinary 404s.
    res.writeHead(s3.status, { 'Content-Type': 'application/xml', ...(req.complete ? {} : { Connection: 'close' }) });
    // HEAD responses carry no body; the SDK reads the status alone.
    res.end(req.method === 'HEAD' ? undefined : errorXml(s3.code, s3.message, resource, requestId));
  }
}

function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new S3Error(400, 'InvalidURI', 'Could not parse the specified URI.');
  }
}

/** If-Match / If-None-Match: "*" or a comma-separated list of (possibly weak) entity tags. */
function etagListMatches(header: string, etag: string): boolean {
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}

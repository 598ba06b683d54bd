import { DomainError } from '@finstack/contracts';
import express from 'express';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { bodyParserErrorsMiddleware } from './body-parser-errors.middleware';

/** The JSON parser and this middleware on a real server, answering with the error it passes on. */
async function post(body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; code?: string; message?: string }> {
  const app = express();
  app.use(express.json());
  app.use(bodyParserErrorsMiddleware);
  app.post('/', (_req, res) => res.status(201).json({}));
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(error instanceof DomainError ? error.status : 500).json(error instanceof DomainError ? { code: error.code, message: error.message } : {});
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST', headers, body });
    return { status: response.status, ...((await response.json()) as object) };
  } finally {
    server.close();
  }
}

describe('body parser errors', () => {
  it('answers a body that is not what its Content-Encoding says with 400, not 500', async () => {
    expect(await post('{"a":1}', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'request body is not valid gzip data',
    });
    expect((await post(gzipSync('{"a":1}').subarray(0, 12), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(400);
  });

  it('still takes a body that is what its Content-Encoding says', async () => {
    expect((await post(gzipSync('{"a":1}'), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(201);
  });

  it('names malformed JSON', async () => {
    expect(await post('{"a":', { 'content-type': 'application/json' })).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
  });
});

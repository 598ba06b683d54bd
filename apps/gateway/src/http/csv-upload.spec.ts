import { DomainError, MAX_IMPORT_CHUNK_CHARS } from '@finstack/contracts';
import express from 'express';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCsvUpload } from './csv-upload';

/**
 * A server that reads an upload the way the imports route does: the file is
 * read only after other work. It answers the text, or with `pieces` the pieces.
 */
async function upload(body: string, contentType: string, readAfterMs: number, answer: 'text' | 'pieces' = 'text'): Promise<{ status: number; text: string }> {
  const app = express();
  app.post('/', async (req, res) => {
    try {
      const { chunks } = await readCsvUpload(req);
      await sleep(readAfterMs);
      const pieces: string[] = [];
      for await (const chunk of chunks) pieces.push(chunk);
      res.status(200).json(answer === 'text' ? { text: pieces.join('') } : { pieces });
    } catch (error) {
      res.status(error instanceof DomainError ? error.status : 500).json({ message: (error as Error).message });
    }
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, text: await response.text() };
  } finally {
    server.close();
  }
}

const part = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n';

describe('reading a CSV upload', () => {
  it('reads a multipart file', async () => {
    expect(await upload(`${part}date,amount\n\r\n--x--\r\n`, 'multipart/form-data; boundary=x', 0)).toEqual({ status: 200, text: JSON.stringify({ text: 'date,amount\n' }) });
  });

  it('cuts the text into pieces the ledger can take, none ending inside an emoji', async () => {
    const text = `${'a'.repeat(MAX_IMPORT_CHUNK_CHARS - 1)}😀${'b'.repeat(10)}`;
    const { pieces } = JSON.parse((await upload(text, 'text/csv', 0, 'pieces')).text) as { pieces: string[] };
    expect(pieces.join('')).toBe(text);
    expect(pieces.map((piece) => piece.length)).toEqual([MAX_IMPORT_CHUNK_CHARS - 1, 12]);
  });

  it('answers a multipart body that ends mid-file with 400 when the file is read later, and the process lives on', async () => {
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      const response = await upload(`${part}date,amount\n`, 'multipart/form-data; boundary=x', 50);
      expect(response).toEqual({ status: 400, text: JSON.stringify({ message: 'the upload could not be read: Unexpected end of form' }) });
      await sleep(50);
      expect(crashes).toEqual([]);
    } finally {
      process.off('uncaughtException', onCrash);
    }
  });
});

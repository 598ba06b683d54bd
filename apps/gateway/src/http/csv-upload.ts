import { DomainError, ErrorCode, MAX_IMPORT_BYTES, MAX_IMPORT_CHUNK_CHARS, pieceEnd } from '@finstack/contracts';
import busboy from 'busboy';
import { Request } from 'express';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** How large an upload may be, and how to name it in the 413. */
export interface UploadLimit {
  bytes: number;
  /** e.g. "a CSV import may be at most 50 MB" */
  tooLarge: string;
}

export const IMPORT_UPLOAD: UploadLimit = { bytes: MAX_IMPORT_BYTES, tooLarge: 'a CSV import may be at most 50 MB' };

export interface CsvUpload {
  fileName?: string;
  /** The CSV as text pieces of at most MAX_IMPORT_CHUNK_CHARS, in order, read as the client sends them. */
  chunks: AsyncIterable<string>;
}

/**
 * Reads an import upload as a stream, never the whole file in memory: a
 * text/csv body, or the first file of a multipart/form-data body.
 */
export async function readCsvUpload(request: Request, limit: UploadLimit = IMPORT_UPLOAD): Promise<CsvUpload> {
  refuseDeclaredOversize(request, limit);
  const type = request.headers['content-type'] ?? '';
  if (/^text\/csv\b/i.test(type) || /^text\/plain\b/i.test(type)) return { chunks: textChunks(request, limit) };
  if (/^multipart\/form-data\b/i.test(type)) {
    const file = await firstFile(request, limit);
    return { fileName: file.fileName, chunks: textChunks(file.stream, limit) };
  }
  throw new DomainError(ErrorCode.VALIDATION_FAILED, 'send the CSV as text/csv, or as a file in multipart/form-data');
}

/** Room for multipart boundaries and part headers around a file of the largest size. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** A body that says up front it is too large is refused before any work starts. */
function refuseDeclaredOversize(request: Request, limit: UploadLimit): void {
  const declared = Number(request.headers['content-length'] ?? NaN);
  const multipart = /^multipart\//i.test(request.headers['content-type'] ?? '');
  if (declared > limit.bytes + (multipart ? MULTIPART_OVERHEAD_BYTES : 0)) {
    request.resume(); // read and drop the body, so the client receives the answer rather than a reset
    throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, limit.tooLarge);
  }
}

/** Decodes UTF-8 (never splitting a character) and regroups into pieces; refuses more than the limit. */
async function* textChunks(stream: Readable, limit: UploadLimit): AsyncIterable<string> {
  // Past the limit the rest is read and dropped, up to as much again, so the client gets its 413 instead of a reset.
  const maxDrained = 2 * limit.bytes;
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let pending = '';
  try {
    for await (const data of stream) {
      bytes += (data as Buffer).length;
      if (bytes > limit.bytes) {
        if (bytes > maxDrained) break; // leaving the loop destroys the stream: enough is enough
        continue;
      }
      pending += decoder.write(data as Buffer);
      while (pending.length >= MAX_IMPORT_CHUNK_CHARS) {
        const end = pieceEnd(pending, 0, MAX_IMPORT_CHUNK_CHARS);
        yield pending.slice(0, end);
        pending = pending.slice(end);
      }
    }
  } catch (error) {
    // The body itself is broken (a multipart body that ends mid-file): the client's fault, not a 500.
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `the upload could not be read: ${(error as Error).message}`);
  }
  if (bytes > limit.bytes) throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, limit.tooLarge);
  pending += decoder.end();
  if (pending.length > 0) yield pending;
}

function firstFile(request: Request, limit: UploadLimit): Promise<{ fileName?: string; stream: Readable }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: limit.bytes + 1 } });
    } catch (error) {
      reject(new DomainError(ErrorCode.VALIDATION_FAILED, `unreadable multipart body: ${(error as Error).message}`));
      return;
    }
    parser.on('file', (_field, stream, info) => {
      // A body that ends mid-file errors the file stream, perhaps before anyone reads it (the import is
      // begun first) or when no one ever will (the import was refused): without a listener that error
      // took the whole gateway down. Reading the stream still reports it.
      stream.on('error', () => undefined);
      resolve({ fileName: info.filename, stream });
    });
    parser.on('error', (error: Error) => reject(new DomainError(ErrorCode.VALIDATION_FAILED, `unreadable multipart body: ${error.message}`)));
    parser.on('close', () => reject(new DomainError(ErrorCode.VALIDATION_FAILED, 'the multipart body holds no file')));
    request.pipe(parser);
  });
}

/** The whole upload as one string, for uploads small enough to hold (the limit says how small). */
export async function readCsvText(request: Request, limit: UploadLimit): Promise<string> {
  const { chunks } = await readCsvUpload(request, limit);
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

import { request } from 'node:http';
import { FuzzRequest } from './malformed-request';

export type RawOutcome =
  | { kind: 'response'; status: number; body: string }
  /** The client refused to send it (e.g. a character Node does not put in a header): nothing reached the server. */
  | { kind: 'not-sent'; reason: string }
  /** The server reset the connection on a request large enough to be refused unread (a 413 or 431 is lost in the reset). */
  | { kind: 'closed-early'; reason: string }
  /** The server closed the connection without an answer, or did not answer in time. */
  | { kind: 'no-answer'; reason: string };


/**
 * Sends a request exactly as built: the path is not normalised (no URL
 * parsing, so `..` and encoded slashes reach the server) and the body is
 * written as given.
 */
export function sendRaw(baseUrl: string, fuzz: FuzzRequest, timeoutMs: number): Promise<RawOutcome> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    let req: ReturnType<typeof request>;
    try {
      req = request({ hostname, port, method: fuzz.method, path: fuzz.path, headers: fuzz.headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < 4_096) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => settle({ kind: 'response', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8', 0, 4_096) }));
        res.on('error', (error) => settle({ kind: 'no-answer', reason: error.message }));
      });
    } catch (error) {
      return resolve({ kind: 'not-sent', reason: (error as Error).message });
    }
    const timer = setTimeout(() => {
      settle({ kind: 'no-answer', reason: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
      settle({ kind: reset && refusableUnread(fuzz) ? 'closed-early' : 'no-answer', reason: error.message });
    });
    req.end(fuzz.body);
  });
}

/** Past the socket buffers, the server may answer (413, 431) and close before it has read what was sent, which resets the connection. */
const UNREAD_BYTES = 16 * 1024;

function refusableUnread(fuzz: FuzzRequest): boolean {
  const headerBytes = Object.entries(fuzz.headers).reduce((sum, [name, value]) => sum + name.length + value.length, fuzz.path.length);
  return headerBytes > UNREAD_BYTES || (fuzz.body !== undefined && Buffer.byteLength(fuzz.body) > UNREAD_BYTES);
}

/** The request as text a person can replay (long parts cut). */
export function describeRequest(fuzz: FuzzRequest): string {
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);
  const headers = Object.entries(fuzz.headers).map(([name, value]) => `  ${name}: ${cut(value)}`);
  const body = fuzz.body === undefined ? '' : `\n  body (${fuzz.bodyNote ?? 'raw'}): ${cut(fuzz.body.toString())}`;
  return `${fuzz.method} ${cut(fuzz.path)}   [fault: ${fuzz.fault}]\n${headers.join('\n')}${body}`;
}

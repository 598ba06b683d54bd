/**
 * Garbage for a TCP port: connections that send what no client of the
 * transport would (bytes, lying length prefixes, frames past the size cap,
 * broken JSON), each bounded in size and time.
 */
import fc from 'fast-check';
import { connect, Socket } from 'node:net';

export interface Garbage {
  label: string;
  /** What to write, in order; a function makes large payloads lazily. */
  chunks: () => Iterable<Buffer | string>;
}

const MB = 1024 * 1024;

function* repeated(piece: string, totalBytes: number): Iterable<string> {
  const block = piece.repeat(Math.ceil(64 * 1024 / piece.length));
  for (let sent = 0; sent < totalBytes; sent += block.length) yield block;
}

/** Fixed attacks on the transport's framing (`<length>#<json>`), with the size cap as a reference. */
export function framingAttacks(maxFrameBytes: number): Garbage[] {
  const deep = 200_000;
  return [
    { label: 'a length prefix claiming 10^15 characters, then a little', chunks: () => ['999999999999999#{"pattern":'] },
    { label: 'a length prefix that is not a number', chunks: () => ['abc#{}', '-5#{}', '#'] },
    { label: `an unterminated frame of ${(3 * maxFrameBytes) / MB} MB (the length says more is coming)`, chunks: () => [`${10 * maxFrameBytes}#`, ...repeated('x', 3 * maxFrameBytes)] },
    { label: `${(3 * maxFrameBytes) / MB} MB of digits with no delimiter`, chunks: () => repeated('7', 3 * maxFrameBytes) },
    { label: 'a complete frame of invalid JSON with a valid prefix', chunks: () => [frame('{"pattern":"health.ping","data":{"a":'), frame('{"pattern":"health.ping","id":"1","data":')] },
    { label: `a frame nested ${deep} levels deep`, chunks: () => [frame(`{"pattern":"health.ping","id":"2","data":${'['.repeat(deep)}${']'.repeat(deep)}}`)] },
    { label: 'frames of the wrong shape', chunks: () => ['null', '1', '"x"', '[]', '{"pattern":{"a":1},"id":3}', '{"id":"4"}', '{"pattern":"health.ping","id":"5","data":{"__proto__":{"polluted":1}}}', '{"pattern":"no.such.pattern","id":"6","data":{}}'].map(frame) },
    { label: 'a frame split into 1-byte writes', chunks: () => [...frame('{"pattern":"health.ping","id":"7","data":{}}')] },
  ];
}

/** `<length>#<text>` as the transport frames a message. */
function frame(text: string): string {
  return `${text.length}#${text}`;
}

/** Random bytes, seeded: many connections' worth. */
export function randomGarbage(seed: number, count: number): Garbage[] {
  return fc.sample(fc.uint8Array({ minLength: 1, maxLength: 64 * 1024 }), { seed, numRuns: count }).map((bytes, index) => ({
    label: `random bytes #${index} (${bytes.length} B)`,
    chunks: () => [Buffer.from(bytes)],
  }));
}

/** Opens a connection, writes the garbage and waits up to `lingerMs` for the server to close it; never throws. */
export async function throwAt(port: number, garbage: Garbage, lingerMs = 1_000): Promise<'closed by server' | 'left open'> {
  const socket = await open(port);
  if (!socket) return 'closed by server';
  let closed = false;
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined); // a reset mid-write is one way of refusing
  for (const chunk of garbage.chunks()) {
    if (closed) break;
    if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), new Promise((resolve) => socket.once('close', resolve))]);
  }
  const deadline = Date.now() + lingerMs;
  while (!closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  socket.destroy();
  return closed ? 'closed by server' : 'left open';
}

/**
 * Throws each garbage at the port, `concurrency` connections at a time: one
 * after another, thousands of connections lingering 300 ms each took over an
 * hour a port, and callers in parallel is how garbage arrives anyway.
 */
export async function throwAllAt(port: number, garbage: readonly Garbage[], lingerMs: number, concurrency = 50): Promise<string[]> {
  const outcomes: string[] = [];
  for (let start = 0; start < garbage.length; start += concurrency) {
    const wave = garbage.slice(start, start + concurrency);
    const results = await Promise.all(wave.map((one) => throwAt(port, one, lingerMs)));
    results.forEach((result, index) => outcomes.push(`${wave[index].label}: ${result}`));
  }
  return outcomes;
}

/** Opens many connections that send nothing, and holds them for `holdMs`. */
export async function idleConnections(port: number, count: number, holdMs: number): Promise<number> {
  const sockets = (await Promise.all(Array.from({ length: count }, () => open(port)))).filter((socket): socket is Socket => socket !== undefined);
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  for (const socket of sockets) socket.destroy();
  return sockets.length;
}

function open(port: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(undefined));
  });
}

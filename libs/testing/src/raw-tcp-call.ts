import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { CALL_METADATA_KEY } from '@finstack/rpc';

/** What a service answers one request: the result, or the error body (code, message) of a refusal. */
export interface RawReply {
  response?: unknown;
  err?: { code?: string; message?: string };
}

/**
 * One request to a service's TCP port over a bare socket, framed by hand as
 * Nest's transport frames it (`<length>#<json>`): no client library, no
 * gateway, what any code that reaches the port could send. The token, when
 * given, rides in the call envelope (`_meta.token`) as RpcClient sends it.
 */
export async function rawTcpCall(port: number, pattern: string, data: object, token?: string): Promise<RawReply> {
  const socket = connect({ port, host: '127.0.0.1' });
  const message = { id: randomUUID(), pattern, data: token === undefined ? data : { ...data, [CALL_METADATA_KEY]: { token } } };
  const json = JSON.stringify(message);
  socket.write(`${Buffer.byteLength(json)}#${json}`);
  let received = Buffer.alloc(0);
  try {
    for await (const chunk of socket) {
      received = Buffer.concat([received, chunk as Buffer]);
      const hash = received.indexOf('#');
      if (hash > 0 && received.length - hash - 1 >= Number(received.subarray(0, hash).toString())) break;
    }
  } finally {
    socket.destroy();
  }
  const text = received.toString();
  return JSON.parse(text.slice(text.indexOf('#') + 1)) as RawReply;
}

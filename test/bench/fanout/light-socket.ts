import WebSocket from 'ws';

/**
 * A Socket.IO client that speaks just enough of the protocol for the fan-out
 * benchmark (Engine.IO 4 over a WebSocket, the default namespace): connect
 * with `auth`, one acknowledged request, pings, and every event handed on as
 * the raw frame. It costs the load generator a fraction of what
 * socket.io-client does per connection and per message, so the CPU that two
 * cores have goes to the server being measured. The end-to-end tests use the
 * real socket.io-client.
 */
export class LightSocket {
  private readonly ws: WebSocket;
  private readonly pendingAcks = new Map<number, (reply: unknown) => void>();
  private nextAckId = 0;

  /** Called with every event frame (`42[...]`) as it arrives. */
  onEvent: (frame: string) => void = () => undefined;
  onClose: () => void = () => undefined;

  private constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
  }

  /** Resolves once the server has accepted the handshake's `auth`; rejects with its refusal. */
  static connect(baseUrl: string, path: string, auth: object): Promise<LightSocket> {
    const url = `${baseUrl.replace(/^http/, 'ws')}${path}/?EIO=4&transport=websocket`;
    const socket = new LightSocket(url);
    return new Promise((resolve, reject) => {
      socket.ws.on('error', reject);
      socket.ws.on('close', () => {
        reject(new Error('closed before connecting'));
        socket.onClose();
      });
      socket.ws.on('message', (data: Buffer) => {
        const frame = data.toString();
        switch (frame[0]) {
          case '0': // Engine.IO open: now join the default namespace with our auth
            socket.ws.send(`40${JSON.stringify(auth)}`);
            return;
          case '2': // ping
            socket.ws.send('3');
            return;
          case '4':
            socket.onPacket(frame, resolve, reject);
            return;
        }
      });
    });
  }

  /** An acknowledged request (`emitWithAck`); resolves with the server's reply. */
  request(event: string, data: unknown): Promise<unknown> {
    const id = this.nextAckId++;
    this.ws.send(`42${id}${JSON.stringify([event, data])}`);
    return new Promise((resolve) => this.pendingAcks.set(id, resolve));
  }

  close(): void {
    this.ws.close();
  }

  private onPacket(frame: string, connected: (socket: LightSocket) => void, refused: (error: Error) => void): void {
    switch (frame[1]) {
      case '0':
        connected(this);
        return;
      case '2':
        this.onEvent(frame);
        return;
      case '3': {
        const start = frame.indexOf('[');
        const id = Number(frame.slice(2, start));
        this.pendingAcks.get(id)?.((JSON.parse(frame.slice(start)) as unknown[])[0]);
        this.pendingAcks.delete(id);
        return;
      }
      case '4':
        refused(new Error((JSON.parse(frame.slice(2)) as { message: string }).message));
        return;
    }
  }
}

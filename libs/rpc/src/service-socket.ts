import { FramedSocket } from './framed-socket';

/**
 * The server side of one caller's connection: a framed socket, with nothing
 * handled or written once the service has ended the connection at shutdown.
 * A message read after that is one the caller sent
 * before it saw the FIN: handling it would do work whose reply can no longer
 * reach it (the caller sees the connection close, a 503, and must find nothing
 * done); writing after end would only raise an error.
 */
export class ServiceSocket extends FramedSocket {
  override sendMessage(message: unknown, callback?: (error?: unknown) => void): void {
    if (this.netSocket.writableEnded) {
      callback?.(new Error('connection ended by the service'));
      return;
    }
    super.sendMessage(message, callback);
  }

  protected override emitMessage(data: string): void {
    if (this.netSocket.writableEnded) return;
    super.emitMessage(data);
  }
}

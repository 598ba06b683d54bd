import { JsonSocket } from '@nestjs/microservices';
import type { Socket } from 'node:net';
import { FRAME_STALL_TIMEOUT_MS, MAX_FRAME_BYTES } from './tcp-frame';

/**
 * The server side of one caller's connection: Nest's framed JSON socket, with
 * bounded frames, and nothing handled or written once the service has ended
 * the connection at shutdown. A message read after that is one the caller sent
 * before it saw the FIN: handling it would do work whose reply can no longer
 * reach it (the caller sees the connection close, a 503, and must find nothing
 * done); writing after end would only raise an error.
 */
export class ServiceSocket extends JsonSocket {
  constructor(socket: Socket) {
    // Nest passes no options to a custom socket class: the bounds are set here.
    super(socket, { maxBufferSize: MAX_FRAME_BYTES, incompleteMessageTimeout: FRAME_STALL_TIMEOUT_MS });
  }

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

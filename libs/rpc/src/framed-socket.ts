import { JsonSocket } from '@nestjs/microservices';
import type { Socket } from 'node:net';
import { FRAME_STALL_TIMEOUT_MS, MAX_FRAME_BYTES } from './tcp-frame';

/**
 * Nest's framed JSON socket, for both ends of a TCP hop: bounded frames, and
 * the messages sent in one turn of the event loop written together. A batch
 * of creates answers its fifty callers at once, and the ledger asks the
 * classifier for fifty users at once; one write system call each was the
 * larger part of the hop's CPU (about 0.25 ms a write on these machines).
 */
export class FramedSocket extends JsonSocket {
  private corked = false;

  constructor(socket: Socket) {
    // Nest passes no framing options to a socket class of its own: the bounds are set here.
    super(socket, { maxBufferSize: MAX_FRAME_BYTES, incompleteMessageTimeout: FRAME_STALL_TIMEOUT_MS });
  }

  protected override handleSend(message: unknown, callback?: (error?: unknown) => void): void {
    if (!this.corked) {
      this.corked = true;
      this.netSocket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.netSocket.uncork();
      });
    }
    super.handleSend(message, callback);
  }
}

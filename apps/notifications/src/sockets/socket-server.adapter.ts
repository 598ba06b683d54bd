import { isAllowedOrigin } from '@finstack/config';
import { SOCKET_PATH } from '@finstack/contracts';
import { INestApplicationContext, Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { RedisConnection } from '../redis/redis-connection';
import { coalesceQueuedWrites } from './write-coalescer';

/** A client that reconnects within this window gets every event it missed, and its rooms back. */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

/**
 * Entries the Redis stream keeps: it must hold the recovery window's events
 * (100 price moves a second for 2 minutes is 12,000), with room to spare.
 */
const STREAM_MAX_LEN = 100_000;

/**
 * Builds the Socket.IO server. Connection state recovery gives a client that
 * comes back within RECOVERY_WINDOW_MS what it missed. With Redis, the
 * streams adapter carries every emit to every replica and keeps sessions and
 * missed packets in Redis, so recovery works whichever replica the client
 * reaches; without it, the in-memory adapter does the same on one replica.
 */
export class SocketServerAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly redis: RedisConnection | null,
    private readonly redisKeyPrefix: string,
    private readonly corsOrigins: readonly string[] = [],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: SOCKET_PATH,
      serveClient: false,
      // Browsers get CORS headers for the listed origins only; a handshake from any other page is refused outright.
      cors: { origin: [...this.corsOrigins], credentials: true },
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, allowed: boolean) => void) => {
        const allowed = isAllowedOrigin(request.headers.origin, this.corsOrigins, request.headers.host);
        callback(allowed ? null : 'origin not allowed', allowed);
      },
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    }) as Server;
    coalesceQueuedWrites(server);
    if (this.redis) {
      const prefix = this.redisKeyPrefix;
      server.adapter(
        createAdapter(this.redis, {
          streamName: `${prefix}:stream`,
          channelPrefix: prefix,
          sessionKeyPrefix: `${prefix}:session:`,
          maxLen: STREAM_MAX_LEN,
        }),
      );
    }
    return server;
  }

  /**
   * Binds each @SubscribeMessage handler as a plain listener that answers
   * through the acknowledgement. Nest's default builds an rxjs pipeline per
   * socket and message (fromEvent, mergeMap, takeUntil on a shared disconnect
   * stream): about 10 KB a connection, paid by every idle socket for requests
   * it rarely sends. Handlers here never reply with `{event, data}`.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (result: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args);
        transform(callback(data, ack)).subscribe({
          next: (reply) => {
            if (reply !== undefined && reply !== null && !isAckHandledManually && typeof ack === 'function') ack(reply);
          },
          error: (error: unknown) => this.logger.error(`${String(message)} failed: ${(error as Error).message}`),
        });
      });
    }
  }

  private readonly logger = new Logger(SocketServerAdapter.name);
}

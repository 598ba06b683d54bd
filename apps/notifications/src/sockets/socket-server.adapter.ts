import { SOCKET_PATH } from '@finstack/contracts';
import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { RedisConnection } from '../redis/redis-connection';

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
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: SOCKET_PATH,
      serveClient: false,
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    }) as Server;
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
}

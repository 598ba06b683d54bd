import { FactoryProvider, Inject, Logger } from '@nestjs/common';
import { createClient } from 'redis';
import { NotificationsEnv } from '../notifications-env';

export type RedisConnection = ReturnType<typeof createClient>;

/** The app's Redis client, or null when REDIS_URL is unset (one replica, everything in memory). */
export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

export const redisProvider: FactoryProvider<RedisConnection | null> = {
  provide: REDIS,
  inject: [NotificationsEnv],
  useFactory: async (env: NotificationsEnv) => {
    if (!env.REDIS_URL) return null;
    const logger = new Logger('Redis');
    const client = createClient({ url: env.REDIS_URL });
    // The client reconnects by itself; an error event unhandled would end the process.
    client.on('error', (error: Error) => logger.warn(`redis: ${error.message}`));
    await client.connect();
    return client;
  },
};

/** Closes the client on shutdown (after the Socket.IO server, which Nest closes first). */
export async function closeRedis(client: RedisConnection | null): Promise<void> {
  if (client?.isOpen) await client.quit().catch(() => undefined);
}

import { Global, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { createClient } from 'redis';
import { GatewayEnv } from '../gateway-env';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisClient, RedisThrottlerStorage } from './redis-throttler-storage';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

class RedisCloser implements OnModuleDestroy {
  constructor(private readonly redis: RedisClient | null) {}
  async onModuleDestroy(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.quit().catch(() => undefined);
  }
}

/** Shared rate limits: @nestjs/throttler's storage on Redis when REDIS_URL is set, in memory otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: RATE_LIMIT_REDIS,
      inject: [GatewayEnv],
      useFactory: async (env: GatewayEnv): Promise<RedisClient | null> => {
        if (!env.REDIS_URL) return null;
        const logger = new Logger('RateLimits');
        const client = createClient({ url: env.REDIS_URL });
        // The client reconnects by itself; an unhandled error event would end the process.
        client.on('error', (error: Error) => logger.warn(`redis: ${error.message}`));
        await client.connect();
        return client;
      },
    },
    {
      provide: RedisCloser,
      inject: [RATE_LIMIT_REDIS],
      useFactory: (redis: RedisClient | null) => new RedisCloser(redis),
    },
    {
      provide: ThrottlerStorage,
      inject: [RATE_LIMIT_REDIS, GatewayEnv],
      useFactory: (redis: RedisClient | null, env: GatewayEnv) =>
        redis ? new RedisThrottlerStorage(redis, env.RATE_LIMIT_REDIS_PREFIX) : new ThrottlerStorageService(),
    },
    RateLimitGuard,
  ],
  exports: [ThrottlerStorage, RateLimitGuard],
})
export class RateLimitsModule {}

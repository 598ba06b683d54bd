import { JwtVerificationModule, loadVerificationKey } from '@finstack/auth';
import { ConfigModule } from '@finstack/config';
import { HealthRpcController, rpcClientProvider, SERVICE_NAME } from '@finstack/rpc';
import { HealthController, LifecycleModule } from '@finstack/lifecycle';
import { MetricsModule } from '@finstack/metrics';
import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DeliveredEvents } from './delivery/delivered-events';
import { EventDeliveryService } from './delivery/event-delivery.service';
import { EventsController } from './delivery/events.controller';
import { MemoryDeliveredEvents } from './delivery/memory-delivered-events';
import { RedisDeliveredEvents } from './delivery/redis-delivered-events';
import { PORTFOLIO_SERVICE, TickerHolders } from './holders/ticker-holders';
import { NotificationsEnv } from './notifications-env';
import { closeRedis, REDIS, RedisConnection, redisProvider } from './redis/redis-connection';
import { NotificationsGateway } from './sockets/notifications.gateway';
import { RecentPushes } from './replay/recent-pushes';
import { RoomEmitter } from './sockets/room-emitter';
import { UserDataController } from './user-data/user-data.controller';

@Module({
  imports: [
    ConfigModule.forRoot(NotificationsEnv),
    MetricsModule.forRoot('notifications'),
    LifecycleModule.forRoot({ settingsClass: NotificationsEnv, database: false }),
    JwtVerificationModule.registerAsync({
      inject: [NotificationsEnv],
      useFactory: (env: NotificationsEnv) => ({
        publicKey: loadVerificationKey({ publicKeyPem: env.JWT_PUBLIC_KEY, dataDir: env.DATA_DIR, production: env.NODE_ENV === 'production' }),
        issuer: env.JWT_ISSUER,
      }),
    }),
  ],
  controllers: [EventsController, UserDataController, HealthRpcController, HealthController],
  providers: [
    { provide: SERVICE_NAME, useValue: 'notifications' },
    redisProvider,
    {
      provide: DeliveredEvents,
      inject: [REDIS, NotificationsEnv],
      useFactory: (redis: RedisConnection | null, env: NotificationsEnv) =>
        redis ? new RedisDeliveredEvents(redis, env.REDIS_KEY_PREFIX) : new MemoryDeliveredEvents(),
    },
    rpcClientProvider(PORTFOLIO_SERVICE, NotificationsEnv, (env) => ({ host: env.PORTFOLIO_HOST, port: env.PORTFOLIO_PORT })),
    TickerHolders,
    RoomEmitter,
    {
      provide: RecentPushes,
      inject: [REDIS],
      useFactory: (redis: RedisConnection | null) => (redis ? undefined : new RecentPushes()),
    },
    NotificationsGateway,
    EventDeliveryService,
  ],
})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisConnection | null) {}

  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }
}

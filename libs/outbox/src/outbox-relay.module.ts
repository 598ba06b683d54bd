import { CommonEnv } from '@finstack/config';
import { DeliveredEvent, DomainEvent, NOTIFICATIONS, NotificationsContract } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { rpcClientProvider, rpcClientToken, RpcClient } from '@finstack/rpc';
import { AppMetrics } from '@finstack/metrics';
import { DynamicModule, Global, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventSender, OutboxRelay } from './outbox-relay';

const NOTIFICATIONS_CLIENT = 'notifications';

/** Sends events to the notifications app over TCP; it answers the ids it pushed (or had pushed before). */
export function notificationsSender(client: RpcClient<NotificationsContract>): EventSender {
  return async (events: DomainEvent[]) => {
    // Typed loosely in the outbox (any type string); the receiver checks each event against the known types.
    const reply = await client.send(NOTIFICATIONS.deliver, { events: events as DeliveredEvent[] });
    return reply.acknowledged;
  };
}

class RelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly table: string,
    private readonly metrics?: AppMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics?.watchOutbox(this.table, () => this.relay.backlog());
    this.relay.start();
  }

  // Before the database closes (TypeORM closes it at application shutdown).
  onModuleDestroy(): Promise<void> {
    return this.relay.stop();
  }
}

/**
 * Relays one producer's outbox to notifications (NOTIFICATIONS_HOST /
 * NOTIFICATIONS_TCP_PORT) while the app runs. Inject OutboxRelay to wake it
 * after committing events.
 */
@Global()
@Module({})
export class OutboxRelayModule {
  static forRoot<E extends CommonEnv>(options: { table: string; settingsClass: new () => E }): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [
        rpcClientProvider(NOTIFICATIONS_CLIENT, options.settingsClass, (env) => ({ host: env.NOTIFICATIONS_HOST, port: env.NOTIFICATIONS_TCP_PORT })),
        {
          provide: OutboxRelay,
          inject: [TransactionRunner, rpcClientToken(NOTIFICATIONS_CLIENT)],
          useFactory: (runner: TransactionRunner, client: RpcClient<NotificationsContract>) =>
            new OutboxRelay({
              table: options.table,
              run: (work) => runner.run(work),
              send: notificationsSender(client),
              logger: new Logger(`OutboxRelay:${options.table}`),
            }),
        },
        {
          provide: RelayLifecycle,
          inject: [OutboxRelay, { token: AppMetrics, optional: true }],
          useFactory: (relay: OutboxRelay, metrics?: AppMetrics) => new RelayLifecycle(relay, options.table, metrics),
        },
      ],
      exports: [OutboxRelay],
    };
  }
}

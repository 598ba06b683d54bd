import { CommonEnv } from '@finstack/config';
import { DeliveredEvent, DomainEvent, NOTIFICATIONS, NotificationsContract } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { rpcClientProvider, rpcClientToken, RpcClient } from '@finstack/rpc';
import { AppMetrics } from '@finstack/metrics';
import { DynamicModule, Global, InjectionToken, Logger, Module, ModuleMetadata, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
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
/**
 * A producer whose events do not all go to notifications routes them itself:
 * it gets the notifications sender and its own injected parts, and answers
 * the sender the relay uses (acknowledging a prefix, as every sender does).
 */
export interface OutboxRouting {
  imports?: ModuleMetadata['imports'];
  inject: InjectionToken[];
  useFactory: (toNotifications: EventSender, ...parts: never[]) => EventSender;
}

@Global()
@Module({})
export class OutboxRelayModule {
  static forRoot<E extends CommonEnv>(options: { table: string; settingsClass: new () => E; routing?: OutboxRouting }): DynamicModule {
    const routing = options.routing;
    return {
      module: OutboxRelayModule,
      imports: routing?.imports ?? [],
      providers: [
        rpcClientProvider(NOTIFICATIONS_CLIENT, options.settingsClass, (env) => ({ host: env.NOTIFICATIONS_HOST, port: env.NOTIFICATIONS_TCP_PORT })),
        {
          provide: OutboxRelay,
          inject: [TransactionRunner, rpcClientToken(NOTIFICATIONS_CLIENT), ...(routing?.inject ?? [])],
          useFactory: (runner: TransactionRunner, client: RpcClient<NotificationsContract>, ...parts: never[]) =>
            new OutboxRelay({
              table: options.table,
              run: (work) => runner.run(work),
              send: routing ? routing.useFactory(notificationsSender(client), ...parts) : notificationsSender(client),
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

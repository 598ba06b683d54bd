import { CommonEnv } from '@finstack/config';
import { DeliveredEvent, DomainEvent, NOTIFICATIONS, NotificationsContract } from '@finstack/contracts';
import { ClusterChore, TransactionRunner } from '@finstack/database';
import { rpcClientProvider, rpcClientToken, RpcClient } from '@finstack/rpc';
import { AppMetrics } from '@finstack/metrics';
import { DynamicModule, Global, InjectionToken, Logger, Module, ModuleMetadata, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PUBLISHED_EVENTS_KEPT_MS, purgePublishedEvents } from './outbox-purge';
import { EventSender, OutboxRelay } from './outbox-relay';

/** How often a replica tries to purge published events (one replica of the cluster does, under a named lock). */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

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
    private readonly purge: ClusterChore,
    private readonly metrics?: AppMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics?.watchOutbox(this.table, () => this.relay.backlog());
    this.relay.start();
    this.purge.start();
  }

  // Before the database closes (TypeORM closes it at application shutdown).
  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.relay.stop(), this.purge.stop()]);
  }
}

/** Published events older than PUBLISHED_EVENTS_KEPT_MS leave the table, in bounded batches, once an hour per cluster. */
export function outboxPurge(table: string, runner: TransactionRunner, dataSource: DataSource): ClusterChore {
  return new ClusterChore(dataSource, {
    name: `${table}-purge`,
    intervalMs: PURGE_INTERVAL_MS,
    work: async () => {
      const deleted = await purgePublishedEvents((work) => runner.run(work), table, new Date(Date.now() - PUBLISHED_EVENTS_KEPT_MS));
      return deleted > 0 ? `deleted ${deleted} events published over 7 days ago` : undefined;
    },
    logger: new Logger(`OutboxPurge:${table}`),
  });
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
              autocommit: (work) => runner.autocommit(work),
              send: routing ? routing.useFactory(notificationsSender(client), ...parts) : notificationsSender(client),
              logger: new Logger(`OutboxRelay:${options.table}`),
            }),
        },
        {
          provide: RelayLifecycle,
          inject: [OutboxRelay, TransactionRunner, getDataSourceToken(), { token: AppMetrics, optional: true }],
          useFactory: (relay: OutboxRelay, runner: TransactionRunner, dataSource: DataSource, metrics?: AppMetrics) =>
            new RelayLifecycle(relay, options.table, outboxPurge(options.table, runner, dataSource), metrics),
        },
      ],
      exports: [OutboxRelay],
    };
  }
}

import { CommonEnv } from '@finstack/config';
import { AppMetrics } from '@finstack/metrics';
import { DynamicModule, Global, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HealthIndicatorFunction, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { AppHealth, READINESS_CHECKS } from './app-health';
import { DrainState } from './drain-state';
import { DrainInterceptor } from './drain.interceptor';
import { OpsListener } from './ops-listener';
import { ReadinessRegistry } from './readiness-registry';

/** A database that takes longer than this to answer SELECT 1 is not ready. */
const DATABASE_PROBE_TIMEOUT_MS = 1000;

export interface LifecycleOptions<E extends CommonEnv> {
  settingsClass: new () => E;
  /** Readiness pings the app's database (TypeORM's default data source). */
  database: boolean;
  /**
   * TCP services: where the ops listener (GET /metrics, /health, /health/ready)
   * binds: the service's own host, and its port unless METRICS_PORT sets one
   * (0 turns the listener off).
   */
  opsListener?: (env: E) => { host: string; defaultPort: number };
}

class OpsListenerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OpsListener');

  constructor(
    private readonly listener: OpsListener,
    private readonly where: { host: string; port: number },
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.where.port === 0) return;
    const port = await this.listener.listen(this.where.port, this.where.host);
    this.logger.log(`metrics and health on http://${this.where.host}:${port}`);
  }

  // Last of all, so readiness is seen failing for as long as the service drains.
  onApplicationShutdown(): Promise<void> {
    return this.listener.close();
  }
}

/**
 * Health and graceful shutdown of one app: liveness and readiness through
 * terminus (inject AppHealth), the drain state shutdown waits on, the refusal
 * of TCP messages once draining, and for TCP services the ops listener. Pair
 * it with `enableGracefulShutdown(app)` in main.ts.
 */
@Global()
@Module({})
export class LifecycleModule {
  static forRoot<E extends CommonEnv>(options: LifecycleOptions<E>): DynamicModule {
    const providers: DynamicModule['providers'] = [
      { provide: DrainState, useValue: new DrainState() },
      { provide: APP_INTERCEPTOR, useClass: DrainInterceptor },
      {
        provide: READINESS_CHECKS,
        inject: [TypeOrmHealthIndicator],
        useFactory: (database: TypeOrmHealthIndicator): HealthIndicatorFunction[] =>
          options.database ? [() => database.pingCheck('database', { timeout: DATABASE_PROBE_TIMEOUT_MS })] : [],
      },
      ReadinessRegistry,
      AppHealth,
    ];
    const { opsListener } = options;
    if (opsListener) {
      providers.push({
        provide: OpsListenerLifecycle,
        inject: [options.settingsClass, AppMetrics, AppHealth],
        useFactory: (env: E, metrics: AppMetrics, health: AppHealth) => {
          const { host, defaultPort } = opsListener(env);
          return new OpsListenerLifecycle(new OpsListener(metrics, health), { host, port: env.METRICS_PORT ?? defaultPort });
        },
      });
    }
    return {
      module: LifecycleModule,
      // Failed probes are answered with what is down; logging each one too would flood the log during an outage.
      imports: [TerminusModule.forRoot({ logger: false })],
      providers,
      exports: [DrainState, AppHealth, ReadinessRegistry, TerminusModule],
    };
  }
}

import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runUnderNamedLock } from './named-lock';

export interface ClusterChoreOptions {
  /** The named lock's name (the schema is prefixed): one replica at a time does the chore. */
  name: string;
  intervalMs: number;
  /** The chore; it answers what to log (e.g. "deleted 120 rows"), or nothing to stay quiet. */
  work: () => Promise<string | undefined>;
  logger: { log(message: string): void; warn(message: string): void };
}

/**
 * A periodic chore done by one replica of the cluster per round: each replica
 * tries every intervalMs (spread by up to a tenth, so replicas started
 * together do not all try at once), and the one that gets the named lock
 * does it. A failed round is logged and the next one tries again.
 */
export class ClusterChore {
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ClusterChoreOptions,
  ) {}

  start(): void {
    if (this.timer) return;
    const next = () => {
      const delay = this.options.intervalMs * (1 + Math.random() / 10);
      this.timer = setTimeout(() => {
        this.round = this.runOnce().then(() => undefined);
        void this.round.finally(() => this.timer && next());
      }, delay);
      this.timer.unref();
    };
    next();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.round;
  }

  /** One round now; whether this replica did the chore. */
  async runOnce(): Promise<boolean> {
    const { name, work, logger } = this.options;
    try {
      let outcome: string | undefined;
      const ran = await runUnderNamedLock(this.dataSource, name, async () => {
        outcome = await work();
      });
      if (outcome) logger.log(`${name}: ${outcome}`);
      return ran;
    } catch (error) {
      logger.warn(`${name} failed, tried again in ${Math.round(this.options.intervalMs / 1000)} s: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}

/** A Nest provider that runs its chore while the app runs (started at bootstrap, awaited at shutdown). */
export abstract class ClusterChoreProvider implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly chore: ClusterChore;

  onApplicationBootstrap(): void {
    this.chore.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.chore.stop();
  }
}

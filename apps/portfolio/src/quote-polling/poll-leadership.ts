import { Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';

/** Whether this replica is the one that polls. */
export interface PollLeadership {
  isLeader(): Promise<boolean>;
  release(): Promise<void>;
}

/** SQLite (embedded): one process owns the database file, so it always polls. */
export class InProcessLeadership implements PollLeadership {
  async isLeader(): Promise<boolean> {
    return true;
  }

  async release(): Promise<void> {}
}

/**
 * MySQL: the replica holding the named lock `<schema>.quote-poll` polls. The
 * lock lives as long as its connection, which this class keeps open: a
 * replica that dies or loses its connection frees it, and another takes it
 * at its next tick. The schema is in the name because GET_LOCK is server-wide.
 */
export class MysqlNamedLockLeadership implements PollLeadership {
  private readonly logger = new Logger('QuotePollLeadership');
  private runner: QueryRunner | undefined;
  private lockName: string | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async isLeader(): Promise<boolean> {
    try {
      if (this.runner && (await this.stillHeld())) return true;
      await this.dropRunner();
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      this.runner = runner;
      if (!this.lockName) {
        const [row] = (await runner.query('SELECT DATABASE() AS db')) as { db: string }[];
        this.lockName = `${row!.db}.quote-poll`.slice(0, 64);
      }
      const [got] = (await runner.query('SELECT GET_LOCK(?, 0) AS got', [this.lockName])) as { got: number | string | null }[];
      if (Number(got!.got) === 1) {
        this.logger.log('this replica polls the market-data provider');
        return true;
      }
      await this.dropRunner();
      return false;
    } catch (error) {
      this.logger.warn(`quote-poll lock unavailable: ${error instanceof Error ? error.message : String(error)}`);
      await this.dropRunner();
      return false;
    }
  }

  async release(): Promise<void> {
    if (this.runner && this.lockName) await this.runner.query('SELECT RELEASE_LOCK(?)', [this.lockName]).catch(() => undefined);
    await this.dropRunner();
  }

  private async stillHeld(): Promise<boolean> {
    const [row] = (await this.runner!.query('SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS held', [this.lockName])) as { held: number | string | null }[];
    return Number(row!.held) === 1;
  }

  private async dropRunner(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (runner && !runner.isReleased) await runner.release().catch(() => undefined);
  }
}

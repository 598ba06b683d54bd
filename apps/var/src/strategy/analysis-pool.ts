import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { ShardPool } from '../analysis';
import { VarEnv } from '../var-env';

/**
 * The replica's one pool of worker threads, sized to its cores
 * (VAR_POOL_SIZE overrides), started once and shared by every analysis: no
 * run starts threads of its own, so concurrent runs queue for the cores
 * instead of multiplying threads and memory.
 */
@Injectable()
export class AnalysisPool implements OnApplicationShutdown {
  readonly shards: ShardPool;

  constructor(env: VarEnv) {
    this.shards = new ShardPool(env.VAR_POOL_SIZE || availableParallelism());
  }

  onApplicationShutdown(): Promise<void> {
    return this.shards.close();
  }
}

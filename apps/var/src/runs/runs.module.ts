import { Module } from '@nestjs/common';
import { jobQueueProvider } from '../jobs/job-queue.provider';
import { RunExecutor } from './run-executor';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

@Module({
  controllers: [RunsController],
  providers: [RunsService, RunExecutor, jobQueueProvider],
  exports: [RunExecutor],
})
export class RunsModule {}

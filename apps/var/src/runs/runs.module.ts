import { Module } from '@nestjs/common';
import { RunExecutor } from './run-executor';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

@Module({
  controllers: [RunsController],
  providers: [RunsService, RunExecutor],
  exports: [RunExecutor],
})
export class RunsModule {}

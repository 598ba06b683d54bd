import { ListRunsMessage, RunIdMessage, VAR } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VarReply } from '../common/var-reply';
import { RunsService } from './runs.service';

@Controller()
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @MessagePattern(VAR.getRun)
  get(@Payload() message: RunIdMessage): VarReply<typeof VAR.getRun> {
    return this.runs.get(message.userId, message.id);
  }

  @MessagePattern(VAR.listRuns)
  list(@Payload() message: ListRunsMessage): VarReply<typeof VAR.listRuns> {
    return this.runs.list(message.userId, message.query);
  }
}

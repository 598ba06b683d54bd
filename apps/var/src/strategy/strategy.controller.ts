import { RunAnalysisMessage, VAR } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VarReply } from '../common/var-reply';
import { StrategyService } from './strategy.service';

@Controller()
export class StrategyController {
  constructor(private readonly strategies: StrategyService) {}

  @MessagePattern(VAR.runAnalysis)
  run(@Payload() message: RunAnalysisMessage): VarReply<typeof VAR.runAnalysis> {
    return this.strategies.run(message.userId, message.body);
  }
}

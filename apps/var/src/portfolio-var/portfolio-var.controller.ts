import { RunPortfolioMessage, VAR } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VarReply } from '../common/var-reply';
import { PortfolioVarService } from './portfolio-var.service';

@Controller()
export class PortfolioVarController {
  constructor(private readonly portfolioVar: PortfolioVarService) {}

  @MessagePattern(VAR.runPortfolio)
  run(@Payload() message: RunPortfolioMessage): VarReply<typeof VAR.runPortfolio> {
    return this.portfolioVar.run(message.userId, message.requestId, message.body);
  }
}

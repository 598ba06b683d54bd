import { CallableBy } from '@finstack/rpc';
import { AddHoldingMessage, PORTFOLIO, PortfolioItemMessage, TickerHoldersMessage, UpdateHoldingMessage, UserMessage } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PortfolioReply } from '../common/portfolio-reply';
import { HoldingsService } from './holdings.service';

@Controller()
export class HoldingsController {
  constructor(private readonly holdings: HoldingsService) {}

  @MessagePattern(PORTFOLIO.addHolding)
  add(@Payload() message: AddHoldingMessage): PortfolioReply<typeof PORTFOLIO.addHolding> {
    return this.holdings.add(message.userId, message.body);
  }

  @MessagePattern(PORTFOLIO.listHoldings)
  @CallableBy('gateway-user', 'service:var')
  list(@Payload() message: UserMessage): PortfolioReply<typeof PORTFOLIO.listHoldings> {
    return this.holdings.list(message.userId);
  }

  @MessagePattern(PORTFOLIO.updateHolding)
  update(@Payload() message: UpdateHoldingMessage): PortfolioReply<typeof PORTFOLIO.updateHolding> {
    return this.holdings.update(message.userId, message.id, message.patch);
  }

  @MessagePattern(PORTFOLIO.deleteHolding)
  delete(@Payload() message: PortfolioItemMessage): PortfolioReply<typeof PORTFOLIO.deleteHolding> {
    return this.holdings.delete(message.userId, message.id);
  }

  @MessagePattern(PORTFOLIO.listHolders)
  @CallableBy('service:notifications')
  holders(@Payload() message: TickerHoldersMessage): PortfolioReply<typeof PORTFOLIO.listHolders> {
    return this.holdings.holdersOf(message.params.ticker);
  }
}

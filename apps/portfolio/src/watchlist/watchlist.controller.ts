import { AddWatchMessage, PORTFOLIO, PortfolioItemMessage, UpdateWatchMessage, UserMessage } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PortfolioReply } from '../common/portfolio-reply';
import { WatchlistService } from './watchlist.service';

@Controller()
export class WatchlistController {
  constructor(private readonly watchlist: WatchlistService) {}

  @MessagePattern(PORTFOLIO.addWatch)
  add(@Payload() message: AddWatchMessage): PortfolioReply<typeof PORTFOLIO.addWatch> {
    return this.watchlist.add(message.userId, message.body);
  }

  @MessagePattern(PORTFOLIO.listWatches)
  list(@Payload() message: UserMessage): PortfolioReply<typeof PORTFOLIO.listWatches> {
    return this.watchlist.list(message.userId);
  }

  @MessagePattern(PORTFOLIO.getWatch)
  get(@Payload() message: PortfolioItemMessage): PortfolioReply<typeof PORTFOLIO.getWatch> {
    return this.watchlist.get(message.userId, message.id);
  }

  @MessagePattern(PORTFOLIO.updateWatch)
  update(@Payload() message: UpdateWatchMessage): PortfolioReply<typeof PORTFOLIO.updateWatch> {
    return this.watchlist.update(message.userId, message.id, message.patch);
  }

  @MessagePattern(PORTFOLIO.deleteWatch)
  delete(@Payload() message: PortfolioItemMessage): PortfolioReply<typeof PORTFOLIO.deleteWatch> {
    return this.watchlist.delete(message.userId, message.id);
  }
}

import { ListAlertsMessage, PORTFOLIO } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PortfolioReply } from '../common/portfolio-reply';
import { AlertHistoryService } from './alert-history.service';

@Controller()
export class AlertsController {
  constructor(private readonly history: AlertHistoryService) {}

  @MessagePattern(PORTFOLIO.listAlerts)
  list(@Payload() message: ListAlertsMessage): PortfolioReply<typeof PORTFOLIO.listAlerts> {
    return this.history.list(message.userId, message.query);
  }
}

import { CashflowMessage, REPORT } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportReply } from '../common/report-reply';
import { CashflowService } from './cashflow.service';

@Controller()
export class CashflowController {
  constructor(private readonly cashflows: CashflowService) {}

  @MessagePattern(REPORT.cashflow)
  cashflow(@Payload() message: CashflowMessage): ReportReply<typeof REPORT.cashflow> {
    return this.cashflows.cashflow(message.userId, message.requestId, message.query);
  }
}

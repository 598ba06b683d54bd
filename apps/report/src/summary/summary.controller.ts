import { REPORT, SummaryMessage } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportReply } from '../common/report-reply';
import { SummaryService } from './summary.service';

@Controller()
export class SummaryController {
  constructor(private readonly summaries: SummaryService) {}

  @MessagePattern(REPORT.summary)
  summary(@Payload() message: SummaryMessage): ReportReply<typeof REPORT.summary> {
    return this.summaries.summary(message.userId, message.requestId, message.query);
  }

  @MessagePattern(REPORT.summaryCsv)
  csv(@Payload() message: SummaryMessage): ReportReply<typeof REPORT.summaryCsv> {
    return this.summaries.csv(message.userId, message.requestId, message.query);
  }
}

import { REPORT, ScoreMessage } from '@finstack/contracts';
import { InPlaceValidationPipe } from '@finstack/rpc';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportReply } from '../common/report-reply';
import { scoreTransactions } from './score-transactions';

@Controller()
export class ScoringController {
  /** Up to 10,000 items: checked in place, not copied into DTO instances (see InPlaceValidationPipe). */
  @MessagePattern(REPORT.score)
  async score(
    @Payload(new InPlaceValidationPipe(ScoreMessage)) message: Pick<ScoreMessage, 'transactions'>,
  ): ReportReply<typeof REPORT.score> {
    return scoreTransactions(message.transactions);
  }
}

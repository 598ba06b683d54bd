import { CallableBy } from '@finstack/rpc';
import { AggregateTransactionsMessage, LEDGER } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LedgerReply } from '../common/ledger-reply';
import { TransactionAggregatesService } from './transaction-aggregates.service';

@Controller()
export class TransactionAggregatesController {
  constructor(private readonly aggregates: TransactionAggregatesService) {}

  @MessagePattern(LEDGER.aggregateTransactions)
  @CallableBy('gateway-user', 'service:report')
  aggregate(@Payload() message: AggregateTransactionsMessage): LedgerReply<typeof LEDGER.aggregateTransactions> {
    return this.aggregates.aggregate(message);
  }
}

import { CallableBy } from '@finstack/rpc';
import {
  ByIdMessage,
  CreateTransactionMessage,
  GetTransactionsMessage,
  LEDGER,
  ListTransactionsMessage,
  SetCategoriesMessage,
  UpdateTransactionMessage,
} from '@finstack/contracts';
import { Controller, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LedgerReply } from '../common/ledger-reply';
import { LedgerAccountInterceptor } from '../ledger-accounts/ledger-account.interceptor';
import { GroupedCreates } from './grouped-creates';
import { NewTransactionCategorizer } from './new-transaction-categorizer';
import { TransactionCategoriesService } from './transaction-categories.service';
import { TransactionListService } from './transaction-list.service';
import { TransactionsService } from './transactions.service';

@Controller()
@UseInterceptors(LedgerAccountInterceptor)
export class TransactionsController {
  constructor(
    private readonly transactions: TransactionsService,
    private readonly transactionList: TransactionListService,
    private readonly transactionCategories: TransactionCategoriesService,
    private readonly categorizer: NewTransactionCategorizer,
    private readonly creates: GroupedCreates,
  ) {}

  @MessagePattern(LEDGER.createTransaction)
  async create(@Payload() message: CreateTransactionMessage): LedgerReply<typeof LEDGER.createTransaction> {
    const { userId, body } = message;
    const classify = message.autoCategory === undefined && message.autoCategorize === true && !body.categoryId;
    const autoCategory = classify ? await this.categorizer.predict(userId, body) : message.autoCategory;
    return this.creates.create({ userId, body, idempotencyKey: message.idempotency?.idempotencyKey, autoCategory });
  }

  @MessagePattern(LEDGER.listTransactions)
  @CallableBy('gateway-user', 'service:classifier')
  list(@Payload() message: ListTransactionsMessage): LedgerReply<typeof LEDGER.listTransactions> {
    return this.transactionList.list(message.userId, message.query);
  }

  @MessagePattern(LEDGER.getTransaction)
  @CallableBy('gateway-user', 'service:classifier')
  get(@Payload() message: ByIdMessage): LedgerReply<typeof LEDGER.getTransaction> {
    return this.transactions.get(message.userId, message.id);
  }

  @MessagePattern(LEDGER.getTransactions)
  @CallableBy('gateway-user', 'service:classifier')
  getMany(@Payload() message: GetTransactionsMessage): LedgerReply<typeof LEDGER.getTransactions> {
    return this.transactionCategories.getMany(message.userId, message.ids);
  }

  @MessagePattern(LEDGER.updateTransaction)
  update(@Payload() message: UpdateTransactionMessage): LedgerReply<typeof LEDGER.updateTransaction> {
    return this.transactions.update(message.userId, message.id, message.patch);
  }

  @MessagePattern(LEDGER.setCategories)
  @CallableBy('gateway-user', 'service:classifier')
  setCategories(@Payload() message: SetCategoriesMessage): LedgerReply<typeof LEDGER.setCategories> {
    return this.transactionCategories.setCategories(message.userId, message.assignments);
  }

  @MessagePattern(LEDGER.deleteTransaction)
  delete(@Payload() message: ByIdMessage): LedgerReply<typeof LEDGER.deleteTransaction> {
    return this.transactions.delete(message.userId, message.id);
  }
}

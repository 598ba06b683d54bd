import { CallableBy } from '@finstack/rpc';
import {
  ByIdMessage,
  CreateCategoryMessage,
  DeleteCategoryMessage,
  LEDGER,
  UpdateCategoryMessage,
  UserMessage,
} from '@finstack/contracts';
import { Controller, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LedgerReply } from '../common/ledger-reply';
import { LedgerAccountInterceptor } from '../ledger-accounts/ledger-account.interceptor';
import { CategoriesService } from './categories.service';

@Controller()
@UseInterceptors(LedgerAccountInterceptor)
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @MessagePattern(LEDGER.createCategory)
  create(@Payload() message: CreateCategoryMessage): LedgerReply<typeof LEDGER.createCategory> {
    return this.categories.create(message.userId, message.body);
  }

  @MessagePattern(LEDGER.listCategories)
  @CallableBy('gateway-user', 'service:classifier')
  list(@Payload() message: UserMessage): LedgerReply<typeof LEDGER.listCategories> {
    return this.categories.list(message.userId);
  }

  @MessagePattern(LEDGER.getCategory)
  @CallableBy('gateway-user', 'service:classifier')
  get(@Payload() message: ByIdMessage): LedgerReply<typeof LEDGER.getCategory> {
    return this.categories.get(message.userId, message.id);
  }

  @MessagePattern(LEDGER.updateCategory)
  update(@Payload() message: UpdateCategoryMessage): LedgerReply<typeof LEDGER.updateCategory> {
    return this.categories.update(message.userId, message.id, message.patch);
  }

  @MessagePattern(LEDGER.deleteCategory)
  delete(@Payload() message: DeleteCategoryMessage): LedgerReply<typeof LEDGER.deleteCategory> {
    return this.categories.delete(message.userId, message.id, message.reassignTo);
  }
}

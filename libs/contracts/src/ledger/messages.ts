/**
 * TCP message bodies of the ledger. The service validates them again with
 * the same classes the gateway used: it trusts no caller.
 */
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Rpc, UserMessage } from '../rpc';
import { AggregateTransactionsMessage, TransactionAggregate } from './aggregate.dto';
import { AutoCategory, GetTransactionsMessage, SetCategoriesMessage } from './categorization.dto';
import { CreateCategoryBody, UpdateCategoryBody } from './category.dto';
import { AppendImportMessage, BeginImportMessage, ImportIdMessage } from './import.dto';
import { LEDGER } from './patterns';
import { CreateTransactionBody, IdempotencyKey, ListTransactionsQuery, UpdateTransactionBody } from './transaction.dto';
import {
  CategoriesSet,
  CategoryView,
  CreatedTransaction,
  DeletedCategory,
  ImportView,
  TransactionPage,
  TransactionView,
} from './views';

/**
 * How long the ledger waits for the classifier before it creates a
 * transaction uncategorised: a caller of createTransaction with
 * autoCategorize allows for it on top of its usual timeout.
 */
export const AUTO_CATEGORIZE_TIMEOUT_MS = 1000;

export class CreateTransactionMessage extends UserMessage {
  @IsOptional()
  @ValidateNested()
  @Type(() => IdempotencyKey)
  idempotency?: IdempotencyKey;

  @IsDefined()
  @ValidateNested()
  @Type(() => CreateTransactionBody)
  body!: CreateTransactionBody;

  /** The classifier's choice, stored with the new row when the body names no category. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AutoCategory)
  autoCategory?: AutoCategory;

  /**
   * Ask the classifier for a category first, when the body names none and no
   * autoCategory is given: the ledger reads the user's categories itself and
   * sends them along, one hop fewer than the gateway asking the classifier.
   */
  @IsOptional()
  @IsBoolean()
  autoCategorize?: boolean;
}

export class ListTransactionsMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => ListTransactionsQuery)
  query!: ListTransactionsQuery;
}

export class ByIdMessage extends UserMessage {
  @IsUUID()
  id!: string;
}

export class UpdateTransactionMessage extends ByIdMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => UpdateTransactionBody)
  patch!: UpdateTransactionBody;
}

export class CreateCategoryMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => CreateCategoryBody)
  body!: CreateCategoryBody;
}

export class UpdateCategoryMessage extends ByIdMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => UpdateCategoryBody)
  patch!: UpdateCategoryBody;
}

export class DeleteCategoryMessage extends ByIdMessage {
  @IsOptional()
  @IsUUID()
  reassignTo?: string;
}

export interface LedgerContract {
  [LEDGER.createTransaction]: Rpc<CreateTransactionMessage, CreatedTransaction>;
  [LEDGER.listTransactions]: Rpc<ListTransactionsMessage, TransactionPage>;
  [LEDGER.getTransaction]: Rpc<ByIdMessage, TransactionView>;
  [LEDGER.updateTransaction]: Rpc<UpdateTransactionMessage, TransactionView>;
  [LEDGER.deleteTransaction]: Rpc<ByIdMessage, { id: string }>;
  [LEDGER.createCategory]: Rpc<CreateCategoryMessage, CategoryView>;
  [LEDGER.listCategories]: Rpc<UserMessage, CategoryView[]>;
  [LEDGER.getCategory]: Rpc<ByIdMessage, CategoryView>;
  [LEDGER.updateCategory]: Rpc<UpdateCategoryMessage, CategoryView>;
  [LEDGER.deleteCategory]: Rpc<DeleteCategoryMessage, DeletedCategory>;
  [LEDGER.getTransactions]: Rpc<GetTransactionsMessage, TransactionView[]>;
  [LEDGER.setCategories]: Rpc<SetCategoriesMessage, CategoriesSet>;
  /** Run as SQL GROUP BY over the ledger's running totals: no per-transaction work. */
  [LEDGER.aggregateTransactions]: Rpc<AggregateTransactionsMessage, TransactionAggregate[]>;
  [LEDGER.beginImport]: Rpc<BeginImportMessage, { importId: string }>;
  [LEDGER.appendImport]: Rpc<AppendImportMessage, { rowsRead: number }>;
  [LEDGER.finishImport]: Rpc<ImportIdMessage, ImportView>;
  /** Rolls an unfinished import back at once; unknown or finished imports are ignored. */
  [LEDGER.abortImport]: Rpc<ImportIdMessage, { importId: string }>;
  [LEDGER.getImport]: Rpc<ImportIdMessage, ImportView>;
}

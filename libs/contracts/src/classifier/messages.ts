import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_CATEGORY_BATCH } from '../ledger/categorization.dto';
import { ByIdMessage } from '../ledger/messages';
import { CategoriesSet } from '../ledger/views';
import { Rpc, UserMessage } from '../rpc';
import { AreClassifyCategories, AreClassifyItems, ClassifyCategory } from './classify-items';
import { CLASSIFIER } from './patterns';
import { ApplyRuleBody, CreateRuleBody, UpdateRuleBody } from './rule.dto';
import { AutoCategorizeResult, Prediction, RuleApplication, RuleView, Suggestion } from './views';

/** A list of 1 to MAX_CATEGORY_BATCH items, each validated as `item`. */
const BatchOf = (item: () => new () => object) =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_CATEGORY_BATCH),
    ValidateNested({ each: true }),
    Type(item),
  );

/** The text of a transaction the classifier reads. */
export class StatementText {
  @IsString()
  @Length(1, 500)
  description!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  merchant?: string;
}

/** What the classifier looks at in a transaction, stored or not; a batch of them is checked by AreClassifyItems. */
export interface ClassifyItem {
  description: string;
  merchant?: string | null;
  amount: string;
  currency: string;
}

/**
 * Categories for a batch of transactions not stored yet (an import's rows).
 * Validate it with InPlaceValidationPipe: the items are plain objects checked
 * by one constraint, never copied into DTO instances.
 */
export class ClassifyMessage extends UserMessage {
  @AreClassifyItems()
  items!: ClassifyItem[];

  /**
   * The user's categories, when the sender has just read them (the ledger,
   * classifying a transaction it is about to create): the classifier then
   * does not ask the ledger for them.
   */
  @IsOptional()
  @AreClassifyCategories()
  categories?: ClassifyCategory[];
}

/** The most users one classify-for-users message may name: the ledger's batch of creates. */
export const MAX_CLASSIFY_USERS = 50;

/**
 * New transactions of several users at once (the ledger's batch of creates),
 * from a service only: each request is a ClassifyMessage, checked one by one
 * as that message is, and answered in order.
 */
export class ClassifyForUsersMessage {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLASSIFY_USERS)
  requests!: unknown[];
}

/** Categorise stored transactions: the ones named, those of an import, or all of the user's. */
export class AutoCategorizeMessage extends UserMessage {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CATEGORY_BATCH)
  @IsUUID('all', { each: true })
  transactionIds?: string[];

  @IsOptional()
  @IsUUID()
  importId?: string;

  @IsOptional()
  @IsBoolean()
  uncategorizedOnly?: boolean;
}

/** A choice made by hand: set through the ledger, then learned from. */
export class SetManualCategoryMessage extends UserMessage {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CATEGORY_BATCH)
  @IsUUID('all', { each: true })
  transactionIds!: string[];

  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  categoryId!: string | null;
}

export class LearnExample extends StatementText {
  @IsUUID()
  categoryId!: string;
}

/** Manual choices made elsewhere (a transaction created or edited with a category). */
export class LearnMessage extends UserMessage {
  @BatchOf(() => LearnExample)
  examples!: LearnExample[];
}

export class SuggestionsMessage extends UserMessage {
  @IsUUID()
  transactionId!: string;
}

export class CreateRuleMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => CreateRuleBody)
  body!: CreateRuleBody;
}

export class UpdateRuleMessage extends ByIdMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => UpdateRuleBody)
  patch!: UpdateRuleBody;
}

export class ApplyRuleMessage extends ByIdMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplyRuleBody)
  options!: ApplyRuleBody;
}

export interface ClassifierContract {
  [CLASSIFIER.classify]: Rpc<ClassifyMessage, Prediction[]>;
  [CLASSIFIER.classifyForUsers]: Rpc<{ requests: Pick<ClassifyMessage, 'userId' | 'items' | 'categories'>[] }, Prediction[][]>;
  [CLASSIFIER.autoCategorize]: Rpc<AutoCategorizeMessage, AutoCategorizeResult>;
  [CLASSIFIER.setManualCategory]: Rpc<SetManualCategoryMessage, CategoriesSet>;
  [CLASSIFIER.learn]: Rpc<LearnMessage, { learned: number }>;
  [CLASSIFIER.suggestions]: Rpc<SuggestionsMessage, Suggestion[]>;
  [CLASSIFIER.createRule]: Rpc<CreateRuleMessage, RuleView>;
  [CLASSIFIER.listRules]: Rpc<UserMessage, RuleView[]>;
  [CLASSIFIER.getRule]: Rpc<ByIdMessage, RuleView>;
  [CLASSIFIER.updateRule]: Rpc<UpdateRuleMessage, RuleView>;
  [CLASSIFIER.deleteRule]: Rpc<ByIdMessage, { id: string }>;
  [CLASSIFIER.applyRule]: Rpc<ApplyRuleMessage, RuleApplication>;
}

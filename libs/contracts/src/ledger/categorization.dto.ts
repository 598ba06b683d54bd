import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { UserMessage } from '../rpc';
import { CATEGORY_SOURCES, CategorySource } from './views';

/** The most transactions one category message may touch; callers page larger jobs. */
export const MAX_CATEGORY_BATCH = 1000;

/** How a transaction came by its category, as the classifier decided it. */
export class CategoryAssignment {
  @IsUUID()
  transactionId!: string;

  /** null clears the category. */
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  categoryId!: string | null;

  @IsIn(CATEGORY_SOURCES)
  source!: CategorySource;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/**
 * Sets categories in bulk. A manual assignment always applies; an automatic
 * one (rule, learned, model) never overwrites a category chosen by hand. Any
 * transaction or category that is not the user's fails the whole message (404).
 */
export class SetCategoriesMessage extends UserMessage {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CATEGORY_BATCH)
  @ValidateNested({ each: true })
  @Type(() => CategoryAssignment)
  assignments!: CategoryAssignment[];
}

export class GetTransactionsMessage extends UserMessage {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CATEGORY_BATCH)
  @IsUUID('all', { each: true })
  ids!: string[];
}

/** A category chosen by the classifier for a transaction about to be created. */
export class AutoCategory {
  @IsUUID()
  categoryId!: string;

  @IsIn(CATEGORY_SOURCES.filter((source) => source !== 'manual' && source !== 'none'))
  source!: CategorySource;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsString()
  @MaxLength(500)
  reason!: string;
}

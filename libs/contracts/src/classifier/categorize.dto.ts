import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import { MAX_CATEGORY_BATCH } from '../ledger/categorization.dto';

/** PUT /transactions/:id/category */
export class SetCategoryBody {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null clears the category' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  categoryId!: string | null;
}

/** POST /transactions/categorize */
export class CategorizeManyBody {
  @ApiProperty({ type: [String], maxItems: MAX_CATEGORY_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CATEGORY_BATCH)
  @IsUUID('all', { each: true })
  transactionIds!: string[];

  @ApiProperty({ format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  categoryId!: string | null;
}

/** POST /transactions/auto-categorize */
export class AutoCategorizeBody {
  @ApiPropertyOptional({ type: [String], description: 'default: all of the user’s transactions' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CATEGORY_BATCH)
  @IsUUID('all', { each: true })
  transactionIds?: string[];

  @ApiPropertyOptional({ default: true, description: 'false also re-decides automatic categories (never manual ones)' })
  @IsOptional()
  @IsBoolean()
  uncategorizedOnly?: boolean;
}

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
  @ApiProperty({ type: String, example: '0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10', format: 'uuid', nullable: true, description: 'null clears the category' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  categoryId!: string | null;
}

/** POST /transactions/categorize */
export class CategorizeManyBody {
  @ApiProperty({ type: [String], example: ['0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10'], maxItems: MAX_CATEGORY_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CATEGORY_BATCH)
  @IsUUID('all', { each: true })
  transactionIds!: string[];

  @ApiProperty({ type: String, example: '0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10', format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  categoryId!: string | null;
}

/** POST /transactions/auto-categorize */
export class AutoCategorizeBody {
  @ApiPropertyOptional({ type: [String], example: ['0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10'], description: 'default: all of the user’s transactions' })
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { IsNotBlank } from '../validation';
import { CATEGORY_KINDS, CategoryKind } from './views';

const COLOR = /^#[0-9a-fA-F]{6}$/;

export class CreateCategoryBody {
  @ApiProperty({ example: 'Groceries', maxLength: 60 })
  @IsString()
  @Length(1, 60)
  @IsNotBlank()
  name!: string;

  @ApiProperty({ enum: CATEGORY_KINDS, enumName: 'CategoryKind' })
  @IsIn(CATEGORY_KINDS)
  kind!: CategoryKind;

  @ApiPropertyOptional({ example: '#4caf50' })
  @IsOptional()
  @Matches(COLOR, { message: 'color must be written #RRGGBB' })
  color?: string;
}

export class UpdateCategoryBody {
  @ApiPropertyOptional({ example: 'Eating out', maxLength: 60 })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ enum: CATEGORY_KINDS, enumName: 'CategoryKind' })
  @IsOptional()
  @IsIn(CATEGORY_KINDS)
  kind?: CategoryKind;

  @ApiPropertyOptional({ type: String, example: '#4caf50', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Matches(COLOR, { message: 'color must be written #RRGGBB' })
  color?: string | null;
}

export class DeleteCategoryQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'move the category’s transactions here first' })
  @IsOptional()
  @IsUUID()
  reassignTo?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../validation';

export const RULE_FIELDS = ['description', 'merchant', 'amount', 'currency', 'direction'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const RULE_OPERATORS = [
  'equals',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'oneOf',
  'between',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export const RULE_MATCH_MODES = ['all', 'any'] as const;
export type RuleMatchMode = (typeof RULE_MATCH_MODES)[number];

/**
 * One test on a transaction. Which value fields an operator needs:
 * - equals, contains, startsWith, endsWith, matches, gt, gte, lt, lte: `value`
 * - oneOf: `values`
 * - between: `min` and `max` (inclusive)
 * Text comparisons ignore case unless `caseSensitive`; amounts are decimal
 * strings compared exactly; direction is "spent" or "received"; `matches` takes
 * a regular expression (RE2 syntax: linear time, no backreferences).
 * The service checks that field, operator and values fit together.
 */
export class RuleConditionBody {
  @ApiProperty({ enum: RULE_FIELDS, enumName: 'RuleField' })
  @IsIn(RULE_FIELDS)
  field!: RuleField;

  @ApiProperty({ enum: RULE_OPERATORS, enumName: 'RuleOperator' })
  @IsIn(RULE_OPERATORS)
  operator!: RuleOperator;

  @ApiPropertyOptional({ example: 'NETFLIX' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  value?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  values?: string[];

  @ApiPropertyOptional({ example: '-100.00' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  min?: string;

  @ApiPropertyOptional({ example: '-10.00' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  max?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  caseSensitive?: boolean;
}

export class CreateRuleBody {
  @ApiProperty({ example: 'Streaming subscriptions', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({ description: 'lower runs first', default: 100, minimum: 0, maximum: 1000000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number;

  @ApiPropertyOptional({ enum: RULE_MATCH_MODES, enumName: 'RuleMatchMode', default: 'all' })
  @IsOptional()
  @IsIn(RULE_MATCH_MODES)
  match?: RuleMatchMode;

  @ApiProperty({ type: [RuleConditionBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RuleConditionBody)
  conditions!: RuleConditionBody[];

  @ApiProperty({ format: 'uuid', example: '0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10', description: 'the category the rule sets' })
  @IsUUID()
  categoryId!: string;

  @ApiPropertyOptional({ description: 'no later rule runs after this one matches', default: false })
  @IsOptional()
  @IsBoolean()
  stopProcessing?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateRuleBody {
  @ApiPropertyOptional({ example: 'Coffee shops', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ example: 50, description: 'lower runs first' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number;

  @ApiPropertyOptional({ enum: RULE_MATCH_MODES, enumName: 'RuleMatchMode' })
  @IsOptional()
  @IsIn(RULE_MATCH_MODES)
  match?: RuleMatchMode;

  @ApiPropertyOptional({ type: [RuleConditionBody] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RuleConditionBody)
  conditions?: RuleConditionBody[];

  @ApiPropertyOptional({ format: 'uuid', example: '0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  stopProcessing?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class ApplyRuleBody {
  @ApiPropertyOptional({ description: 'list the changes without making them', default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

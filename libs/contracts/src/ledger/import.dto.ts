import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { UserMessage } from '../rpc';
import { IsCurrency } from '../validation';

export const IMPORT_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'YYYY/MM/DD'] as const;
export type ImportDateFormat = (typeof IMPORT_DATE_FORMATS)[number];

export const IMPORT_DELIMITERS = [',', ';', 'tab', '|'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

/** Largest CSV accepted, in bytes. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Largest piece of a CSV carried by one TCP message. */
export const MAX_IMPORT_CHUNK_CHARS = 512 * 1024;

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

/**
 * How to read a CSV: which header names hold which field, and how dates and
 * decimals are written. Amounts come from one signed `amountColumn`, or from
 * `debitColumn` (money out, written positive) and `creditColumn` (money in).
 */
export class ImportOptions {
  @ApiPropertyOptional({ type: String, description: 'header of the date column', default: 'date' })
  @IsString()
  @Length(1, 100)
  dateColumn = 'date';

  @ApiPropertyOptional({ description: 'header of a signed amount column (negative = spent)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  amountColumn?: string;

  @ApiPropertyOptional({ description: 'header of the money-out column, used with creditColumn' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  debitColumn?: string;

  @ApiPropertyOptional({ description: 'header of the money-in column, used with debitColumn' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  creditColumn?: string;

  @ApiPropertyOptional({ type: String, description: 'header of the description column', default: 'description' })
  @IsString()
  @Length(1, 100)
  descriptionColumn = 'description';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  merchantColumn?: string;

  @ApiPropertyOptional({ description: 'your bank’s id for each row; rows whose id you already have are skipped' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  externalIdColumn?: string;

  @ApiPropertyOptional({ description: 'header of a per-row ISO 4217 currency column' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  currencyColumn?: string;

  @ApiPropertyOptional({ description: 'currency of rows without a currency column', example: 'EUR' })
  @IsOptional()
  @IsCurrency()
  currency?: string;

  @ApiPropertyOptional({ enum: IMPORT_DATE_FORMATS, enumName: 'ImportDateFormat', default: 'YYYY-MM-DD' })
  @IsIn(IMPORT_DATE_FORMATS)
  dateFormat: ImportDateFormat = 'YYYY-MM-DD';

  @ApiPropertyOptional({ enum: ['.', ','], enumName: 'DecimalSeparator', default: '.' })
  @IsIn(['.', ','])
  decimalSeparator: '.' | ',' = '.';

  @ApiPropertyOptional({ enum: IMPORT_DELIMITERS, enumName: 'ImportDelimiter', default: ',' })
  @IsIn(IMPORT_DELIMITERS)
  delimiter: ImportDelimiter = ',';

  @ApiPropertyOptional({ description: 'check and count, change nothing' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'import the valid rows even when some are invalid' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  skipInvalid?: boolean;

  @ApiPropertyOptional({ description: 'false: leave imported transactions uncategorised', default: true })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  autoCategorize?: boolean;
}

export class BeginImportMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => ImportOptions)
  options!: ImportOptions;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

/** One piece of the CSV text, in order: `sequence` counts from 0. */
export class AppendImportMessage extends UserMessage {
  @IsUUID()
  importId!: string;

  @IsInt()
  @Min(0)
  sequence!: number;

  @IsString()
  @MaxLength(MAX_IMPORT_CHUNK_CHARS)
  chunk!: string;
}

export class ImportIdMessage extends UserMessage {
  @IsUUID()
  importId!: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class CreateTransactionQuery {
  @ApiPropertyOptional({ default: true, description: 'false: do not categorise the new transaction automatically' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  autoCategorize?: boolean;
}

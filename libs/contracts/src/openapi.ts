import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * Property decorators for the OpenAPI document, so that views and bodies say
 * the same thing the same way: money is a decimal string with a pattern, days
 * and instants carry their formats, and a nullable field is a nullable string
 * (reflection alone would call `string | null` an object).
 */

type Extra = Omit<ApiPropertyOptions, 'type' | 'nullable'> & { optional?: boolean };

function property(schema: ApiPropertyOptions, { optional, ...extra }: Extra = {}): PropertyDecorator {
  const options = { ...schema, ...extra } as ApiPropertyOptions;
  return optional ? ApiPropertyOptional(options) : ApiProperty(options);
}

/** A signed decimal string, e.g. "-12.34": never a float. */
export const MONEY_PATTERN = '^-?\\d+(\\.\\d+)?$';

export function ApiMoney(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, pattern: MONEY_PATTERN, example: '-12.34' }, extra);
}

export function ApiNullableMoney(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, pattern: MONEY_PATTERN, nullable: true, example: '1520.50' }, extra);
}

export function ApiCurrency(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, pattern: '^[A-Z]{3}$', example: 'EUR', description: 'ISO 4217' }, extra);
}

export function ApiNullableCurrency(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, pattern: '^[A-Z]{3}$', nullable: true, example: 'USD', description: 'ISO 4217' }, extra);
}

/** A calendar day, YYYY-MM-DD. */
export function ApiDay(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, format: 'date', example: '2025-03-14' }, extra);
}

export function ApiNullableDay(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, format: 'date', nullable: true, example: '2025-03-14' }, extra);
}

/** An instant in UTC, ISO 8601. */
export function ApiTimestamp(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, format: 'date-time', example: '2025-03-14T09:30:00.000Z' }, extra);
}

export function ApiNullableTimestamp(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, format: 'date-time', nullable: true }, extra);
}

export function ApiId(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, format: 'uuid' }, extra);
}

export function ApiNullableId(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, format: 'uuid', nullable: true }, extra);
}

export function ApiText(extra: Extra = {}): PropertyDecorator {
  return property({ type: String }, extra);
}

export function ApiNullableText(extra: Extra = {}): PropertyDecorator {
  return property({ type: String, nullable: true }, extra);
}

export function ApiNumber(extra: Extra = {}): PropertyDecorator {
  return property({ type: Number }, extra);
}

export function ApiNullableNumber(extra: Extra = {}): PropertyDecorator {
  return property({ type: Number, nullable: true }, extra);
}

export function ApiInteger(extra: Extra = {}): PropertyDecorator {
  return property({ type: 'integer' }, extra);
}

export function ApiNullableInteger(extra: Extra = {}): PropertyDecorator {
  return property({ type: 'integer', nullable: true }, extra);
}

export function ApiBoolean(extra: Extra = {}): PropertyDecorator {
  return property({ type: Boolean }, extra);
}

/** A named enum, so generated clients get one type for it instead of a repeated union. */
export function ApiEnum(values: readonly string[], enumName: string, extra: Extra & { nullable?: boolean } = {}): PropertyDecorator {
  const { nullable, ...rest } = extra;
  return property({ enum: [...values], enumName, ...(nullable ? { nullable: true } : {}) } as ApiPropertyOptions, rest);
}

/** A list of another schema (a class with its own decorators, declared above the one that lists it). */
export function ApiList(type: Type<unknown>, extra: Extra = {}): PropertyDecorator {
  return property({ type, isArray: true } as ApiPropertyOptions, extra);
}

/** An object of another schema (the class itself: a lazy type loses its name when nullable). */
export function ApiNested(type: Type<unknown>, extra: Extra & { nullable?: boolean } = {}): PropertyDecorator {
  const { nullable, ...rest } = extra;
  return property({ type, ...(nullable ? { nullable: true } : {}) } as ApiPropertyOptions, rest);
}

/** The cursor of the next page of a list; null on the last page. */
export function ApiNextCursor(): PropertyDecorator {
  return ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last page' });
}

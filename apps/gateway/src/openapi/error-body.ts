import { ErrorCode } from '@finstack/contracts';
import { ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';

/** One field's problems in a 400, e.g. `{ field: "amount", errors: ["amount must be ..."] }`. */
export class FieldError {
  @ApiProperty({ example: 'amount', description: 'the path of the field in the request, dotted' })
  field!: string;

  @ApiProperty({ type: String, isArray: true })
  errors!: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'a refused new password: what makes it easy to guess (zxcvbn), when it names something' })
  warning?: string | null;

  @ApiPropertyOptional({ type: String, isArray: true, description: 'a refused new password: how to make it stronger (zxcvbn)' })
  suggestions?: string[];
}

/** Every HTTP error the API gives has this body (see HttpExceptionFilter). */
@ApiSchema({ name: 'ErrorBody' })
export class HttpErrorBody {
  @ApiProperty({ type: 'integer', example: 400, description: 'the HTTP status again' })
  statusCode!: number;

  @ApiProperty({ enum: Object.values(ErrorCode), enumName: 'ErrorCode' })
  code!: ErrorCode;

  @ApiProperty({ example: 'amount must be a decimal string such as "-12.34"', description: 'for a person to read and act on' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'for VALIDATION_FAILED the field errors; otherwise what the code needs (e.g. retryAfterSeconds on 429, the refused lines on 422)',
    oneOf: [{ type: 'array', items: { $ref: getSchemaPath(FieldError) } }, { type: 'object', additionalProperties: true }],
  })
  details?: FieldError[] | Record<string, unknown>;

  @ApiProperty({ example: '0192f0c4-8a7e-7cc1-9d5e-3b7f2a9e4c10', description: 'quote it when reporting a problem' })
  requestId!: string;
}

import { DomainError, ErrorCode } from '@finstack/contracts';
import { ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens nested class-validator errors into `{ field: "body.amount", errors: [...] }`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const details = flattenValidationErrors(errors);
  const message = details.flatMap((d) => d.errors).join('; ') || 'invalid input';
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, details);
}

/** How every DTO is checked: unknown fields are refused by name, and errors carry neither the object nor the value. */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

/**
 * The one validation pipe of the project, at the gateway and in every service:
 * unknown fields are refused by name, values are transformed into DTO classes.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory: validationFailed });
}

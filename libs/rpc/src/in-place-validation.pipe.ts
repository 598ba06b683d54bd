import { DomainError, ErrorCode } from '@finstack/contracts';
import { PipeTransform } from '@nestjs/common';
import { validate } from 'class-validator';
import { validationFailed, VALIDATOR_OPTIONS } from './validation';

/**
 * Checks a value against a DTO's constraints where it lies, without
 * class-transformer's deep copy, which costs about 30 µs per nested object:
 * 0.3 s for a list of 10,000. For a DTO whose large list of plain objects one
 * constraint of its own checks (nothing inside is converted). Same options and
 * errors as the global pipe; apply it to a parameter typed with an interface,
 * which the global pipe leaves alone: `@Body(new InPlaceValidationPipe(ScoreBody)) body: ScoreBodyFields`.
 */
export class InPlaceValidationPipe<T extends object> implements PipeTransform<unknown, Promise<T>> {
  constructor(private readonly dto: new () => T) {}

  async transform(value: unknown): Promise<T> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'expected a JSON object');
    }
    const instance = new this.dto();
    for (const key of Object.keys(value)) {
      // Skipped as class-transformer skips them: assigning "__proto__" would swap the prototype the checks read.
      if (key === '__proto__' || key === 'constructor') continue;
      Object.defineProperty(instance, key, { value: (value as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
    }
    const errors = await validate(instance, VALIDATOR_OPTIONS);
    if (errors.length > 0) throw validationFailed(errors);
    return instance;
  }
}

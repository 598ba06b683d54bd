import { DomainError, ErrorCode, IngestQuotesBody, QuoteInput } from '@finstack/contracts';
import { createValidationPipe } from '@finstack/rpc';
import { Injectable, PipeTransform } from '@nestjs/common';

const SHAPES = 'send one quote {ticker, price, at, currency?} or a batch {quotes: [...]}';

/**
 * POST /quotes takes one quote or a batch. A single quote is validated as a
 * quote (errors name its own fields) and wrapped into a batch of one, so the
 * portfolio service only ever sees batches.
 */
@Injectable()
export class QuotesBodyPipe implements PipeTransform<unknown, Promise<IngestQuotesBody>> {
  private readonly validation = createValidationPipe();

  async transform(value: unknown): Promise<IngestQuotesBody> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `expected a JSON object: ${SHAPES}`);
    }
    if ('quotes' in value) return this.check(IngestQuotesBody, value);
    if (!('ticker' in value)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `no ticker and no quotes: ${SHAPES}`);
    const quote = await this.check(QuoteInput, value);
    return Object.assign(new IngestQuotesBody(), { quotes: [quote] });
  }

  /** The gateway's own validation pipe, applied to the shape this body has. */
  private check<T>(metatype: new () => T, value: object): Promise<T> {
    return this.validation.transform(value, { type: 'body', metatype }) as Promise<T>;
  }
}

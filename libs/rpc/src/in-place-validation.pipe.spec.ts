import { DomainError, ErrorCode } from '@finstack/contracts';
import { IsArray, IsString } from 'class-validator';
import { InPlaceValidationPipe } from './in-place-validation.pipe';

class Sample {
  @IsString()
  name!: string;

  @IsArray()
  items!: unknown[];
}

const refusal = (value: unknown) =>
  new InPlaceValidationPipe(Sample).transform(value).then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: DomainError) => error,
  );

describe('InPlaceValidationPipe', () => {
  it('gives an instance of the DTO holding the very same nested values', async () => {
    const items = [{ a: 1 }];
    const checked = await new InPlaceValidationPipe(Sample).transform({ name: 'x', items });
    expect(checked).toBeInstanceOf(Sample);
    expect(checked.items).toBe(items);
  });

  it('refuses as the global pipe does: by field, unknown fields named', async () => {
    const error = await refusal({ name: 3, items: [], extra: true });
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, status: 400 });
    expect(error.message).toMatch(/property extra should not exist/);
    expect(error.message).toMatch(/name must be a string/);
    expect(error.details).toEqual(expect.arrayContaining([{ field: 'name', errors: ['name must be a string'] }]));
  });

  it('refuses what is not an object', async () => {
    for (const value of [undefined, null, 'text', [1, 2]]) {
      expect((await refusal(value)).message).toBe('expected a JSON object');
    }
  });

  it('cannot be fooled by a "__proto__" key', async () => {
    const error = await refusal(JSON.parse('{"__proto__": {"name": "x", "items": []}}'));
    expect(error.message).toMatch(/name must be a string/);
  });
});

import { ErrorCode } from '@finstack/contracts';
import { decodeCursor, encodeCursor } from './transaction-cursor';

describe('transaction cursor', () => {
  const position = { occurredOn: '2025-03-14', id: '01959a3c-7b1e-7cc0-8a4f-3f1c2b7d9e10' };

  it('is URL-safe text that leads back to the same position', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('refuses anything that is not a position as a validation error', () => {
    const forged = [
      '',
      Buffer.from('2025-03-14').toString('base64url'),
      Buffer.from(`2025-02-30|${position.id}`).toString('base64url'),
      Buffer.from(`2025-03-14|${position.id}|extra`).toString('base64url'),
      Buffer.from(`2025-03-14|' OR 1=1 --`).toString('base64url'),
    ];
    for (const cursor of forged) {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
    }
  });
});

import { canonicalJson, decideIdempotency, IDEMPOTENCY_TTL_MS, idempotencyExpiry, requestHash } from './idempotency';

describe('idempotency', () => {
  it('hashes equal requests alike whatever the key order, and different requests differently', () => {
    const first = requestHash({ body: { amount: '-1.00', currency: 'EUR' }, pattern: 'create' });
    const reordered = requestHash({ pattern: 'create', body: { currency: 'EUR', amount: '-1.00' } });
    expect(first).toBe(reordered);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash({ pattern: 'create', body: { currency: 'EUR', amount: '-1.0' } })).not.toBe(first);
  });

  it('leaves arrays in order and drops undefined fields, as JSON does', () => {
    expect(canonicalJson({ b: [3, 1], a: undefined, c: { z: 1, y: null } })).toBe('{"b":[3,1],"c":{"y":null,"z":1}}');
  });

  it('replays the same request, refuses a different one, and lets an expired key be used again', () => {
    const now = new Date('2025-03-14T12:00:00Z');
    const stored = { requestHash: 'h1', responseBody: '{"id":1}', expiresAt: idempotencyExpiry(now) };
    expect(decideIdempotency(null, 'h1', now)).toEqual({ kind: 'execute', replacesExpired: false });
    expect(decideIdempotency(stored, 'h1', now)).toEqual({ kind: 'replay', responseBody: '{"id":1}' });
    expect(decideIdempotency(stored, 'h2', now)).toEqual({ kind: 'reused' });
    const later = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
    expect(decideIdempotency(stored, 'h2', later)).toEqual({ kind: 'execute', replacesExpired: true });
  });
});

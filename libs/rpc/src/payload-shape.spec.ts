import { MAX_PAYLOAD_DEPTH, payloadShapeProblem } from './payload-shape';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('the shape of a payload', () => {
  it('accepts payloads as deep as the API uses', () => {
    expect(payloadShapeProblem({ conditions: [{ field: 'amount', values: ['1', '2'] }] })).toBeUndefined();
    expect(payloadShapeProblem(nested(MAX_PAYLOAD_DEPTH))).toBeUndefined();
    expect(payloadShapeProblem(undefined)).toBeUndefined();
  });

  it('refuses a payload nested deeper than the limit, however deep, without overflowing the stack', () => {
    expect(payloadShapeProblem(nested(MAX_PAYLOAD_DEPTH + 1))).toMatch(/nested more than 32 levels/);
    expect(payloadShapeProblem({ a: nested(200_000) })).toMatch(/nested more than/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key by name, at any level', (key) => {
    expect(payloadShapeProblem(JSON.parse(`{"name":"x","${key}":{"isAdmin":true}}`))).toBe(`property ${key} should not exist`);
    expect(payloadShapeProblem(JSON.parse(`{"items":[{"${key}":1}]}`))).toBe(`property ${key} should not exist`);
  });
});

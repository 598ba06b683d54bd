import { DomainError } from '@finstack/contracts';
import { MAX_JSON_DEPTH, jsonBodyShapeMiddleware, shapeProblem } from './json-body-shape.middleware';
import { Request, Response } from 'express';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('the shape of a JSON body', () => {
  it('accepts bodies as deep as the API uses', () => {
    expect(shapeProblem({ conditions: [{ field: 'amount', values: ['1', '2'] }] })).toBeUndefined();
    expect(shapeProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(shapeProblem(undefined)).toBeUndefined();
  });

  it('refuses a body nested deeper than the limit, however deep, without overflowing the stack', () => {
    expect(shapeProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/nested more than 32 levels/);
    expect(shapeProblem({ a: nested(200_000) })).toMatch(/nested more than/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key by name, at any level', (key) => {
    expect(shapeProblem(JSON.parse(`{"name":"x","${key}":{"isAdmin":true}}`))).toBe(`property ${key} should not exist`);
    expect(shapeProblem(JSON.parse(`{"items":[{"${key}":1}]}`))).toBe(`property ${key} should not exist`);
  });

  it('passes a 400 VALIDATION_FAILED to the error filter', () => {
    const next = jest.fn();
    jsonBodyShapeMiddleware({ body: nested(100) } as Request, {} as Response, next);
    expect(next.mock.calls[0][0]).toBeInstanceOf(DomainError);
    expect(next.mock.calls[0][0]).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    jsonBodyShapeMiddleware({ body: { name: 'x' } } as Request, {} as Response, next);
    expect(next).toHaveBeenLastCalledWith(undefined);
  });
});

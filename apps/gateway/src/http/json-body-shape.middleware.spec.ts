import { DomainError } from '@finstack/contracts';
import { jsonBodyShapeMiddleware } from './json-body-shape.middleware';
import { Request, Response } from 'express';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('the JSON body shape middleware', () => {
  it('passes a 400 VALIDATION_FAILED to the error filter for a body too deep, and nothing for a sane one', () => {
    const next = jest.fn();
    jsonBodyShapeMiddleware({ body: nested(100) } as Request, {} as Response, next);
    expect(next.mock.calls[0][0]).toBeInstanceOf(DomainError);
    expect(next.mock.calls[0][0]).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    jsonBodyShapeMiddleware({ body: { name: 'x' } } as Request, {} as Response, next);
    expect(next).toHaveBeenLastCalledWith(undefined);
  });
});

import { DomainError, ERROR_HTTP_STATUS, ErrorCode } from './errors';

describe('error codes', () => {
  it('gives every code a 4xx or 5xx status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_HTTP_STATUS[code]).toBeLessThan(600);
    }
  });

  it('survives a round trip over the wire', () => {
    const sent = new DomainError(ErrorCode.CATEGORY_IN_USE, 'category is used by 3 transactions', { count: 3 });
    const received = DomainError.fromBody(JSON.parse(JSON.stringify(sent.toBody())));
    expect(received).toMatchObject({ code: ErrorCode.CATEGORY_IN_USE, status: 409, details: { count: 3 } });
  });

  it('turns an unknown wire body into INTERNAL rather than trusting it', () => {
    expect(DomainError.fromBody({ code: 'NOPE', message: 'x' }).code).toBe(ErrorCode.INTERNAL);
    expect(DomainError.fromBody('Internal server error').code).toBe(ErrorCode.INTERNAL);
  });
});

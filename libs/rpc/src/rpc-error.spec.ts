import { DomainError, ErrorCode } from '@finstack/contracts';
import { TimeoutError } from 'rxjs';
import { toDomainError } from './rpc-error';

describe('toDomainError', () => {
  it('calls a refused or dropped connection 503', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4001'), { code: 'ECONNREFUSED' });
    expect(toDomainError(refused, 'ledger').code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(toDomainError(new Error('Connection closed'), 'ledger').code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    // As Node's socket code makes them when this runs in another realm: not `instanceof Error` here.
    expect(toDomainError({ code: 'ECONNRESET', message: 'read ECONNRESET' }, 'ledger').code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it('calls a timeout 504', () => {
    expect(toDomainError(new TimeoutError(), 'ledger')).toMatchObject({ code: ErrorCode.UPSTREAM_TIMEOUT, status: 504 });
  });

  it('keeps the code a service sent', () => {
    const sent = new DomainError(ErrorCode.CATEGORY_IN_USE, 'in use', { transactions: 2 }).toBody();
    expect(toDomainError(sent, 'ledger')).toMatchObject({ code: ErrorCode.CATEGORY_IN_USE, details: { transactions: 2 } });
  });

  it('never trusts an unknown failure to be anything but INTERNAL', () => {
    expect(toDomainError('Internal server error', 'ledger').code).toBe(ErrorCode.INTERNAL);
  });
});

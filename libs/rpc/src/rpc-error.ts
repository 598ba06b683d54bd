import { DomainError, ErrorCode } from '@finstack/contracts';
import { TimeoutError } from 'rxjs';

/** Socket errors that mean "nobody is listening there right now". */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT']);

/**
 * Turns whatever a ClientProxy call failed with into a DomainError: a timeout
 * is 504, a service that cannot be reached (or hung up mid-call) is 503, a
 * domain error sent by the service keeps its own code.
 */
export function toDomainError(error: unknown, service: string): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof TimeoutError) {
    return new DomainError(ErrorCode.UPSTREAM_TIMEOUT, `${service} did not answer in time`);
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code && UNREACHABLE.has(code)) || error.message === 'Connection closed') {
      return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${service} is unavailable`);
    }
  }
  return DomainError.fromBody(error);
}

import { DomainError, ErrorCode } from '@finstack/contracts';
import { TimeoutError } from 'rxjs';

/** Socket errors that mean "nobody is listening there right now". */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT']);

/**
 * Read by shape, not `instanceof`: errors made by Node's own socket code can come
 * from another realm (a test sandbox, a worker) where `instanceof Error` is false.
 */
function describeError(error: unknown): { code?: string; message?: string; name?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string; message?: string; name?: string }) : {};
}

/**
 * Turns whatever a ClientProxy call failed with into a DomainError: a timeout
 * is 504, a service that cannot be reached (or hung up mid-call) is 503, a
 * domain error sent by the service keeps its own code.
 */
export function toDomainError(error: unknown, service: string): DomainError {
  if (error instanceof DomainError) return error;
  const { code, message, name } = describeError(error);
  if (error instanceof TimeoutError || name === 'TimeoutError') {
    return new DomainError(ErrorCode.UPSTREAM_TIMEOUT, `${service} did not answer in time`);
  }
  if ((code && UNREACHABLE.has(code)) || message === 'Connection closed') {
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${service} is unavailable`);
  }
  return DomainError.fromBody(error);
}

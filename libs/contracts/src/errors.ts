/**
 * Every error that crosses a service boundary carries one of these codes.
 * ERROR_HTTP_STATUS is the single mapping to HTTP; being a Record over the
 * enum, a new code without a status is a compile error.
 */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  TRANSACTION_NOT_FOUND = 'TRANSACTION_NOT_FOUND',
  CATEGORY_NOT_FOUND = 'CATEGORY_NOT_FOUND',
  RULE_NOT_FOUND = 'RULE_NOT_FOUND',
  IMPORT_NOT_FOUND = 'IMPORT_NOT_FOUND',
  HOLDING_NOT_FOUND = 'HOLDING_NOT_FOUND',
  WATCH_NOT_FOUND = 'WATCH_NOT_FOUND',
  QUOTE_NOT_FOUND = 'QUOTE_NOT_FOUND',
  CONNECTION_NOT_FOUND = 'CONNECTION_NOT_FOUND',
  UNKNOWN_TICKER = 'UNKNOWN_TICKER',
  HOLDING_EXISTS = 'HOLDING_EXISTS',
  PRICE_HISTORY_NOT_FOUND = 'PRICE_HISTORY_NOT_FOUND',
  PRICE_HISTORY_INVALID = 'PRICE_HISTORY_INVALID',
  RUN_NOT_FOUND = 'RUN_NOT_FOUND',
  PORTFOLIO_NOT_ANALYSABLE = 'PORTFOLIO_NOT_ANALYSABLE',
  FORBIDDEN = 'FORBIDDEN',
  INVALID_PATTERN = 'INVALID_PATTERN',
  IMPORT_INVALID = 'IMPORT_INVALID',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  EMAIL_NOT_VERIFIED = 'EMAIL_NOT_VERIFIED',
  VERIFICATION_INVALID = 'VERIFICATION_INVALID',
  /** A password-reset link that is unknown, used, replaced by a newer one, or expired. */
  RESET_LINK_INVALID = 'RESET_LINK_INVALID',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  CATEGORY_NAME_TAKEN = 'CATEGORY_NAME_TAKEN',
  CATEGORY_IN_USE = 'CATEGORY_IN_USE',
  EXTERNAL_ID_TAKEN = 'EXTERNAL_ID_TAKEN',
  IDEMPOTENCY_KEY_IN_PROGRESS = 'IDEMPOTENCY_KEY_IN_PROGRESS',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The analysis service is at its limit of runs (in all, or of this user): retry after `details.retryAfterSeconds`. */
  ANALYSIS_CAPACITY = 'ANALYSIS_CAPACITY',
  INTERNAL = 'INTERNAL',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  UPSTREAM_TIMEOUT = 'UPSTREAM_TIMEOUT',
}

export const ERROR_HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.MALFORMED_JSON]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.INVALID_CREDENTIALS]: 401,
  [ErrorCode.INVALID_REFRESH_TOKEN]: 401,
  [ErrorCode.ROUTE_NOT_FOUND]: 404,
  [ErrorCode.TRANSACTION_NOT_FOUND]: 404,
  [ErrorCode.CATEGORY_NOT_FOUND]: 404,
  [ErrorCode.RULE_NOT_FOUND]: 404,
  [ErrorCode.IMPORT_NOT_FOUND]: 404,
  [ErrorCode.HOLDING_NOT_FOUND]: 404,
  [ErrorCode.WATCH_NOT_FOUND]: 404,
  [ErrorCode.QUOTE_NOT_FOUND]: 404,
  [ErrorCode.CONNECTION_NOT_FOUND]: 404,
  [ErrorCode.UNKNOWN_TICKER]: 422,
  [ErrorCode.HOLDING_EXISTS]: 409,
  [ErrorCode.PRICE_HISTORY_NOT_FOUND]: 404,
  [ErrorCode.PRICE_HISTORY_INVALID]: 422,
  [ErrorCode.RUN_NOT_FOUND]: 404,
  [ErrorCode.PORTFOLIO_NOT_ANALYSABLE]: 422,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.INVALID_PATTERN]: 400,
  [ErrorCode.IMPORT_INVALID]: 422,
  [ErrorCode.EMAIL_TAKEN]: 409,
  [ErrorCode.EMAIL_NOT_VERIFIED]: 403,
  [ErrorCode.VERIFICATION_INVALID]: 400,
  [ErrorCode.RESET_LINK_INVALID]: 400,
  [ErrorCode.SESSION_NOT_FOUND]: 404,
  [ErrorCode.CATEGORY_NAME_TAKEN]: 409,
  [ErrorCode.CATEGORY_IN_USE]: 409,
  [ErrorCode.EXTERNAL_ID_TAKEN]: 409,
  [ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.ANALYSIS_CAPACITY]: 429,
  [ErrorCode.INTERNAL]: 500,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.UPSTREAM_TIMEOUT]: 504,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_HTTP_STATUS, value);
}

/** The shape of an error on the wire, between services and in HTTP bodies (plus requestId). */
export interface ErrorBody {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** A failure the caller can act on. Services throw it; filters serialise it. */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = ERROR_HTTP_STATUS[code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { status: this.status, code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  /** Rebuilds a DomainError from a wire body; anything unrecognised becomes INTERNAL. */
  static fromBody(body: unknown): DomainError {
    if (typeof body === 'object' && body !== null) {
      const { code, message, details } = body as Partial<ErrorBody>;
      if (isErrorCode(code)) return new DomainError(code, typeof message === 'string' ? message : code, details);
    }
    return new DomainError(ErrorCode.INTERNAL, 'internal error');
  }
}

/** The provider refused the API key (bad, revoked, or without access): retrying does not help. */
export class ProviderKeyRefusedError extends Error {
  constructor(
    readonly provider: string,
    /** The provider's own words (its JSON `error`), never the key. */
    readonly refusal: string,
  ) {
    super(`${provider} refused the API key: ${refusal}`);
    this.name = 'ProviderKeyRefusedError';
  }
}

/** 429: the key's limit is used up for now. */
export class ProviderRateLimitedError extends Error {
  constructor(
    readonly provider: string,
    /** From Retry-After or X-Ratelimit-Reset, when the provider sent one. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${provider} answered 429: rate limit reached`);
    this.name = 'ProviderRateLimitedError';
  }
}

/** 5xx, a timeout, a refused connection or an answer that is not the documented format. */
export class ProviderUnavailableError extends Error {
  constructor(provider: string, reason: string) {
    super(`${provider} is unavailable: ${reason}`);
    this.name = 'ProviderUnavailableError';
  }
}

/** The circuit is open: the provider failed repeatedly and is left alone for a while. */
export class ProviderCircuitOpenError extends Error {
  constructor(provider: string, readonly retryAt: Date) {
    super(`${provider} is paused after repeated failures until ${retryAt.toISOString()}`);
    this.name = 'ProviderCircuitOpenError';
  }
}

/** Worth another try later (as opposed to a refused key). */
export const isRetryable = (error: unknown): boolean =>
  error instanceof ProviderRateLimitedError || error instanceof ProviderUnavailableError;

import { DomainError, ErrorCode } from '@finstack/contracts';

/** Awaits `work` and returns the DomainError it failed with, failing the test on anything else. */
export async function domainErrorOf(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

export async function expectDomainError(work: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  const error = await domainErrorOf(work);
  expect(error.code).toBe(code);
  return error;
}

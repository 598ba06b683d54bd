import { DomainError, ErrorCode } from '@finstack/contracts';

/** Awaits `work` and returns the DomainError it failed with, failing the test on anything else. */
export async function expectDomainError(work: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError ${code}, got ${String(error)}`);
  expect(error.code).toBe(code);
  return error;
}

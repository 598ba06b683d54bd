import { DomainError, ErrorCode } from '@finstack/contracts';
import { failureOf } from '@finstack/testing';

/** The DomainError a call failed with, checked for its code; fails the test when the call succeeds. */
export async function refusedWith(call: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  const error = await failureOf(call);
  expect(error).toMatchObject({ code });
  return error;
}

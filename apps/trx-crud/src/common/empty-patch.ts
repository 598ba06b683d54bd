import { DomainError, ErrorCode } from '@finstack/contracts';

/** A partial update must change something; an empty one is most likely a client bug. */
export function assertNotEmptyPatch(patch: object): void {
  if (Object.values(patch).every((value) => value === undefined)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the update names no field to change');
  }
}

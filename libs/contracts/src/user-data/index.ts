import { Rpc, UserMessage } from '../rpc';

/**
 * Erasing a deleted account's data. Every service that keeps anything of a
 * user answers this same pattern on its own TCP server; the identity outbox's
 * relay calls each of them for a `user.deleted` event (see docs/architecture.md).
 * Handlers are idempotent: erasing a user with nothing left answers 0 rows.
 */
export const USER_DATA = {
  erase: 'user-data.erase',
} as const;

/** The identity outbox's event that a user deleted their account; its payload is {@link UserDeletedPayload}. */
export const USER_DELETED_EVENT = 'user.deleted';

export interface UserDeletedPayload {
  userId: string;
}

export class EraseUserDataMessage extends UserMessage {}

export interface UserDataErased {
  service: string;
  /** Rows (or in-memory entries) removed by this call; 0 when the user was already erased. */
  erased: number;
}

export interface UserDataContract {
  [USER_DATA.erase]: Rpc<EraseUserDataMessage, UserDataErased>;
}

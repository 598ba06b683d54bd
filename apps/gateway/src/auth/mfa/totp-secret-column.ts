import { SealedColumn } from '@finstack/crypto';

/** The encryption context's purpose of TOTP secrets (with the user's id). */
export const TOTP_SECRET_PURPOSE = 'identity.totp';

/** What `npm run rotate-keys` re-wraps in the identity schema (mfa_totp is keyed by its user: the id is the owner). */
export const TOTP_SECRET_COLUMN: SealedColumn = {
  table: 'mfa_totp',
  idColumn: 'user_id',
  column: 'sealed_secret',
  userIdColumn: 'user_id',
  purpose: TOTP_SECRET_PURPOSE,
};

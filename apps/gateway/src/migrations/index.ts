import { CreateIdentityTables1795298400000 } from './1795298400000-create-identity-tables';
import { CreateIdentityOutbox1795327200000 } from './1795327200000-create-identity-outbox';
import { AddEmailVerification1796000000000 } from './1796000000000-add-email-verification';
import { AddMfa1796100000000 } from './1796100000000-add-mfa';
import { AddSessionsAndPasswordResets1796200000000 } from './1796200000000-add-sessions-and-password-resets';
import { OutboxTraceparent1797100000000 } from './1797100000000-outbox-traceparent';

/** Every identity-schema migration, oldest first. */
export const IDENTITY_MIGRATIONS = [
  CreateIdentityTables1795298400000,
  CreateIdentityOutbox1795327200000,
  AddEmailVerification1796000000000,
  AddMfa1796100000000,
  AddSessionsAndPasswordResets1796200000000,
  OutboxTraceparent1797100000000,
];

import { CreateIdentityTables1795298400000 } from './1795298400000-create-identity-tables';
import { CreateIdentityOutbox1795327200000 } from './1795327200000-create-identity-outbox';

/** Every identity-schema migration, oldest first. */
export const IDENTITY_MIGRATIONS = [CreateIdentityTables1795298400000, CreateIdentityOutbox1795327200000];

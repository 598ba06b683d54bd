import { CreateIdentityTables1795298400000 } from './1795298400000-create-identity-tables';

/** Every identity-schema migration, oldest first. */
export const IDENTITY_MIGRATIONS = [CreateIdentityTables1795298400000];

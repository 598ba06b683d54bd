const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** True for a unique-index violation, on MySQL/MariaDB and on SQLite alike. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: string; driverError?: { code?: string } };
  return UNIQUE_CODES.has(driverError?.code ?? code ?? '');
}

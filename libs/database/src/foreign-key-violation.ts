const FOREIGN_KEY_CODES = new Set(['ER_NO_REFERENCED_ROW_2', 'ER_ROW_IS_REFERENCED_2', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

/** True when a foreign key refused a write, on MySQL/MariaDB and on SQLite alike. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: string; driverError?: { code?: string } };
  return FOREIGN_KEY_CODES.has(driverError?.code ?? code ?? '');
}

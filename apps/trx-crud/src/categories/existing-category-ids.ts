import { SqlExecutor } from '@finstack/database';
import { placeholders } from '../common/sql';

/** Of `ids` (lower case), those the user has a category for, in lower case. */
export async function existingCategoryIds(executor: SqlExecutor, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await executor.query<{ id: string }[]>(
    `SELECT id FROM categories WHERE user_id = ? AND id IN (${placeholders(ids.length)})`,
    [userId, ...ids],
  );
  return new Set(rows.map((row) => row.id.toLowerCase()));
}

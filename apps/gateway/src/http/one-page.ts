/**
 * A list whose length a per-user limit bounds (rules, categories, the
 * watchlist), answered in the one list shape of the API: all of it, no next page.
 */
export function onePage<T>(items: T[]): { items: T[]; nextCursor: null } {
  return { items, nextCursor: null };
}

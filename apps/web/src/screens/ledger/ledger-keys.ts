/** What a key does in the ledger list, given the row under the cursor and how many rows are loaded. */
export type LedgerKeyAction =
  | { type: 'move'; to: number }
  | { type: 'toggle' }
  | { type: 'edit' }
  | { type: 'categorise' }
  | { type: 'clear-selection' };

/** A page of rows for PageUp/PageDown: about what the list shows at once. */
export const PAGE_ROWS = 10;

export function ledgerKeyAction(key: string, cursor: number, count: number, modifiers: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}): LedgerKeyAction | null {
  if (count === 0 || modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  const move = (to: number): LedgerKeyAction | null => {
    const clamped = Math.max(0, Math.min(count - 1, to));
    return clamped === cursor ? null : { type: 'move', to: clamped };
  };
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return move(cursor + 1);
    case 'ArrowUp':
    case 'k':
      return move(cursor - 1);
    case 'PageDown':
      return move(cursor + PAGE_ROWS);
    case 'PageUp':
      return move(cursor - PAGE_ROWS);
    case 'Home':
      return move(0);
    case 'End':
      return move(count - 1);
    case ' ':
    case 'x':
      return { type: 'toggle' };
    case 'Enter':
    case 'e':
      return { type: 'edit' };
    case 'c':
      return { type: 'categorise' };
    case 'Escape':
      return { type: 'clear-selection' };
    default:
      return null;
  }
}

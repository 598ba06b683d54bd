import { describe, expect, it } from 'vitest';
import { ledgerKeyAction } from './ledger-keys';

describe('the ledger keyboard', () => {
  it('moves the cursor by one, by a page and to either end, never past the loaded rows', () => {
    expect(ledgerKeyAction('ArrowDown', 0, 50)).toEqual({ type: 'move', to: 1 });
    expect(ledgerKeyAction('k', 5, 50)).toEqual({ type: 'move', to: 4 });
    expect(ledgerKeyAction('PageDown', 45, 50)).toEqual({ type: 'move', to: 49 });
    expect(ledgerKeyAction('PageUp', 3, 50)).toEqual({ type: 'move', to: 0 });
    expect(ledgerKeyAction('End', 0, 50)).toEqual({ type: 'move', to: 49 });
    expect(ledgerKeyAction('Home', 7, 50)).toEqual({ type: 'move', to: 0 });
    // At an end the key is not taken, so the page can still scroll with it.
    expect(ledgerKeyAction('ArrowDown', 49, 50)).toBeNull();
    expect(ledgerKeyAction('ArrowUp', 0, 50)).toBeNull();
  });

  it('selects, edits and categorises the row under the cursor; deleting stays a deliberate click', () => {
    expect(ledgerKeyAction(' ', 2, 5)).toEqual({ type: 'toggle' });
    expect(ledgerKeyAction('Enter', 2, 5)).toEqual({ type: 'edit' });
    expect(ledgerKeyAction('e', 2, 5)).toEqual({ type: 'edit' });
    expect(ledgerKeyAction('c', 2, 5)).toEqual({ type: 'categorise' });
    expect(ledgerKeyAction('Delete', 2, 5)).toBeNull();
    expect(ledgerKeyAction('Escape', 2, 5)).toEqual({ type: 'clear-selection' });
  });

  it('leaves browser shortcuts and an empty list alone', () => {
    expect(ledgerKeyAction('c', 0, 5, { ctrl: true })).toBeNull();
    expect(ledgerKeyAction('ArrowDown', 0, 0)).toBeNull();
    expect(ledgerKeyAction('q', 0, 5)).toBeNull();
  });
});

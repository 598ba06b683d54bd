import { normaliseStatement, payeeKey } from './statement-text';

/**
 * Who a transaction paid or was paid by, as one key for every spelling of
 * them: "POS VISA TESCO STORES 3297 LONDON" and "Tesco Stores" are both
 * "tesco stores". The merchant decides when there is one, else the
 * description. Empty when nothing recognisable is left.
 */
export function payeeOf(description: string, merchant: string | null): string {
  return payeeKey(normaliseStatement(description), merchant === null ? null : normaliseStatement(merchant));
}

/** "tesco stores" → "Tesco Stores": a payee key as a person reads it. */
export function payeeLabel(key: string): string {
  return key.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

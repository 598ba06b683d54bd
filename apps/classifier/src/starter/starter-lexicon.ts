import { Direction } from '../common/direction';
import { LexiconEntry, STARTER_LEXICON } from './starter-lexicon-entries';

/** Entries by their first word, longest keyword first: "uber eats" is tried before "uber". */
const BY_FIRST_WORD: ReadonlyMap<string, readonly LexiconEntry[]> = indexEntries(STARTER_LEXICON);

/**
 * The first keyword of the starter lexicon in a normalised statement line,
 * scanning from the start (where the payee is named), whose direction fits
 * and whose category the user has (`categoryIdNamed` gives its id).
 */
export function findStarterKeyword(
  normalised: string,
  direction: Direction | null,
  categoryIdNamed: (name: string) => string | undefined,
): { keyword: string; categoryId: string } | undefined {
  const words = normalised.split(' ');
  for (let start = 0; start < words.length; start += 1) {
    for (const entry of BY_FIRST_WORD.get(words[start]) ?? []) {
      if (entry.direction !== undefined && entry.direction !== direction) continue;
      if (!startsAt(words, start, entry.keyword)) continue;
      const categoryId = categoryIdNamed(entry.category);
      if (categoryId !== undefined) return { keyword: entry.keyword, categoryId };
    }
  }
  return undefined;
}

function startsAt(words: readonly string[], start: number, keyword: string): boolean {
  const keywordWords = keyword.split(' ');
  return keywordWords.every((word, index) => words[start + index] === word);
}

function indexEntries(entries: readonly LexiconEntry[]): Map<string, LexiconEntry[]> {
  const index = new Map<string, LexiconEntry[]>();
  for (const entry of entries) {
    const first = entry.keyword.split(' ')[0];
    index.set(first, [...(index.get(first) ?? []), entry]);
  }
  for (const list of index.values()) list.sort((a, b) => b.keyword.length - a.keyword.length);
  return index;
}

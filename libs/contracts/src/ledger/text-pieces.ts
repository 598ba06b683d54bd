/**
 * Where a piece of `text` that starts at `start` and holds at most `maxChars`
 * UTF-16 units ends, never between the two halves of a surrogate pair: a lone
 * half is no character, and once encoded as UTF-8 it comes back as U+FFFD, so
 * an emoji on a piece boundary would be stored as two replacement characters.
 */
export function pieceEnd(text: string, start: number, maxChars: number): number {
  const end = Math.min(start + maxChars, text.length);
  if (end === text.length || end - start < 2) return end;
  const last = text.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

/** `text` cut into pieces of at most `maxChars` UTF-16 units (see pieceEnd). */
export function* textPieces(text: string, maxChars: number): Generator<string> {
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start, maxChars);
    yield text.slice(start, end);
    start = end;
  }
}

/** The LIKE escape character; a backslash would need escaping itself in MySQL string literals. */
export const LIKE_ESCAPE = '!';

/** A LIKE pattern matching `text` anywhere, with its own %, _ and ! taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (character) => LIKE_ESCAPE + character)}%`;
}

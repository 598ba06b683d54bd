/**
 * Building blocks of malformed input: values of the wrong shape, ids that are
 * not the caller's, query values a parser chokes on. Each is a fast-check
 * arbitrary, so a failing run replays from its seed.
 */
import fc from 'fast-check';

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, where encodeURIComponent throws). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Text that looks like a number to a careless parser. */
export const numberLikeText = fc.constantFrom('NaN', '-NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '-0', '0x10', '1_000', '9007199254740993', '99999999999999999999999', '1.', '.5', '١٢٣', ' 12 ', '+5', '1e-400');

/** Strings of every kind: unicode, control characters, lone surrogates, SQL and template fragments. */
export const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\u202e', '🦄'.repeat(30), "' OR '1'='1", '"; DROP TABLE users; --', '${7*7}', '{{7*7}}', '<script>', 'null', 'undefined', 'true', '[object Object]'),
  numberLikeText,
);

/** Any JSON value, shallow. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  oddText,
  fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -0),
);

/** Nested arrays or objects many levels deep, as JSON text (the parser and validators must not recurse into a crash). */
export const deepNestingText = fc
  .tuple(fc.constantFrom('array', 'object'), fc.constantFrom(64, 1_000, 10_000, 100_000))
  .map(([kind, depth]) => (kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** Keys that pollute prototypes when a merge trusts them. */
export const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

/** Field names no body declares (a body with one must be refused by name). */
export const unknownKey = fc.oneof(
  fc.constantFrom('userId', 'id', 'role', 'isAdmin', 'createdAt', '$where', '', ' ', 'amount ', 'AMOUNT', 'colour'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).map((key) => `x-${key}`),
);

/** A long string: past a field's limit, or past the body limit. */
export function longText(minLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('x', 'é', '中', '0', ' '), fc.integer({ min: minLength, max: minLength + 2_000 }))
    .map(([unit, length]) => unit.repeat(length));
}

/** Query values that are wrong for any parameter: out of range, not numbers, not dates, bad escapes. */
export const badQueryValue = fc.oneof(
  fc.constantFrom('', '-1', '0', '-9999999999999999999999', '1e309', '1.5', 'abc', 'maybe', '2025-02-30', '9999-99-99', '0000-00-00', 'null', '[]', '{}', '%00', '%ZZ', '%', '%E0%A4%A', 'a'.repeat(5_000)),
  numberLikeText.map(percentEncode),
  oddText.map(percentEncode),
  fc.uuid().map(String),
);

/** Ids in the path that name nothing the caller owns, as raw (already URL-encoded) path segments. */
export function foreignPathSegment(othersIds: string[]): fc.Arbitrary<string> {
  const malformed = fc.oneof(
    fc.constantFrom('not-a-uuid', '0', '-1', 'null', 'undefined', '00000000-0000-0000-0000-000000000000', 'a'.repeat(2_000), 'a'.repeat(20_000)),
    fc.constantFrom('..', '..%2F..%2Fhealth', '%2e%2e%2f%2e%2e%2f', 'a%2Fb', '%2F', '%5C', '%00', '%ZZ', '%', '.', '%20', 'AAPL%0D%0AX-Injected:%201'),
    oddText.filter((text) => text.length > 0).map(percentEncode),
    fc.uuid().map(String),
  );
  if (othersIds.length === 0) return malformed;
  // Another user's real ids, as they are and upper-cased: found by neither.
  const others = fc.constantFrom(...othersIds).chain((id) => fc.constantFrom(id, id.toUpperCase()));
  return fc.oneof(malformed, others);
}

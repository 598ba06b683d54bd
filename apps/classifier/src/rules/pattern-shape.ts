/** What a pattern contains that drives its compile and match cost. */
export interface PatternShape {
  /** The largest bound of any counted repeat `{n}`, `{n,}`, `{n,m}`; 0 without one. */
  largestRepeat: number;
  /** The deepest nesting of groups. */
  nesting: number;
  /** `\p…` and `\P…` classes. */
  unicodeClasses: number;
  /** The most code points in one `a-b` range of a character class. */
  widestRange: number;
}

const REPEAT = /\{(\d+)(?:,(\d*))?\}/y;
const UNICODE_CLASS = /\\[pP](?:\{[^}]*\}|[^{])/uy;
const HEX = /\\x(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/y;
const OCTAL = /\\([0-7]{1,3})/y;
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

/**
 * Reads the shape of a pattern RE2 has already accepted, so it is well formed.
 * A small scanner rather than a parser: re2js does not export its parse tree.
 */
export function patternShape(pattern: string): PatternShape {
  const shape: PatternShape = { largestRepeat: 0, nesting: 0, unicodeClasses: 0, widestRange: 0 };
  let depth = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\' && pattern[i + 1] === 'Q') {
      const end = pattern.indexOf('\\E', i + 2);
      i = end === -1 ? pattern.length : end + 2;
    } else if (c === '\\') {
      const unicode = matchAt(UNICODE_CLASS, pattern, i);
      if (unicode) shape.unicodeClasses += 1;
      i += unicode ? unicode[0].length : escapedAt(pattern, i).length;
    } else if (c === '[') {
      i = scanClass(pattern, i, shape);
    } else if (c === '(' || c === ')') {
      depth += c === '(' ? 1 : -1;
      shape.nesting = Math.max(shape.nesting, depth);
      i += 1;
    } else {
      const repeat = c === '{' ? matchAt(REPEAT, pattern, i) : null;
      if (repeat) shape.largestRepeat = Math.max(shape.largestRepeat, Number(repeat[1]), Number(repeat[2] || 0));
      i += repeat ? repeat[0].length : 1;
    }
  }
  return shape;
}

/** `[…]`: counts its Unicode classes and measures its ranges; returns the index past its `]`. */
function scanClass(pattern: string, start: number, shape: PatternShape): number {
  let i = pattern[start + 1] === '^' ? start + 2 : start + 1;
  let first = true; // a `]` right after the opening is a literal
  let from: number | undefined; // the code point a following `-` ranges from
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    if (pattern.startsWith('[:', i)) {
      i = pattern.indexOf(':]', i) + 2;
      from = undefined;
      continue;
    }
    const unicode = matchAt(UNICODE_CLASS, pattern, i);
    if (unicode) {
      shape.unicodeClasses += 1;
      i += unicode[0].length;
      from = undefined;
      continue;
    }
    if (pattern[i] === '-' && from !== undefined && pattern[i + 1] !== ']') {
      const to = escapedAt(pattern, i + 1);
      if (to.codePoint !== undefined) shape.widestRange = Math.max(shape.widestRange, to.codePoint - from + 1);
      i += 1 + to.length;
      from = undefined;
      continue;
    }
    const item = escapedAt(pattern, i);
    from = item.codePoint;
    i += item.length;
  }
  return i + 1;
}

/** The character or escape at `i`: the code point it stands for (none for `\d` and the like) and its length. */
function escapedAt(pattern: string, i: number): { codePoint: number | undefined; length: number } {
  if (pattern[i] !== '\\') {
    const codePoint = pattern.codePointAt(i)!;
    return { codePoint, length: codePoint > 0xffff ? 2 : 1 };
  }
  const hex = matchAt(HEX, pattern, i);
  if (hex) return { codePoint: parseInt(hex[1] ?? hex[2], 16), length: hex[0].length };
  const octal = matchAt(OCTAL, pattern, i);
  if (octal) return { codePoint: parseInt(octal[1], 8), length: octal[0].length };
  const next = pattern[i + 1] ?? '';
  if (next in SIMPLE_ESCAPES) return { codePoint: SIMPLE_ESCAPES[next], length: 2 };
  if (/[A-Za-z]/.test(next)) return { codePoint: undefined, length: 2 }; // \d, \w, \b and the like
  return { codePoint: next.codePointAt(0), length: 2 }; // an escaped mark stands for itself
}

function matchAt(sticky: RegExp, text: string, index: number): RegExpExecArray | null {
  sticky.lastIndex = index;
  return sticky.exec(text);
}

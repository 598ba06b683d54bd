/**
 * What one user's rules may cost. Every classification of theirs runs every
 * enabled rule on one event loop that all users share, so the bounds are set
 * from what the most expensive allowed rule set costs (see
 * rule-set-worst-case.spec.ts): compiled in ≤ 50 ms in all, one 500-character
 * description evaluated in ≤ 5 ms.
 */
export const RULE_LIMITS = {
  rulesPerUser: 500,
  /** Conditions across all of a user's rules, enabled or not (a disabled rule can be enabled without a check). */
  conditionsPerUser: 2_000,
  /** Characters of `value`s and `values` across all of a user's conditions: `contains` costs text × value length. */
  conditionTextPerUser: 10_000,
  /** `matches` conditions across all of a user's rules: each costs about 0.1 ms per text besides its program. */
  patternsPerUser: 20,
  /** Characters of `matches` patterns across all of a user's rules. */
  patternTextPerUser: 1_000,
  /** RE2 program instructions across all of a user's patterns: about 13 µs of CPU each per 500-character text. */
  programSizePerUser: 200,
  /** `\p{…}`/`\P{…}` classes across all of a user's patterns: each costs about a millisecond to compile. */
  unicodeClassesPerUser: 10,
} as const;

/** What one `matches` pattern may contain. */
export const PATTERN_LIMITS = {
  /** RE2 program instructions (re2js `programSize()`): a literal of n characters is n + 2. */
  programSize: 150,
  /** The largest n in `{n}`, `{n,}` or `{n,m}`, for either bound. */
  countedRepeat: 50,
  /** Groups inside groups: `((a))` is 2. */
  nesting: 5,
  /** `\p{…}`/`\P{…}` classes in one pattern. */
  unicodeClasses: 2,
  /** Code points in one range of a character class: case folding walks every one of them. */
  classRangeWidth: 256,
} as const;

/**
 * Time for one transaction's rules. The limits keep the worst allowed rule set
 * well inside it; past it, the remaining rules are skipped and the answer's
 * reason says so, so a slow machine degrades one user's answer, not everyone's.
 */
export const RULE_EVALUATION_BUDGET_MS = 25;

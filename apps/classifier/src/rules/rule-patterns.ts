import { DomainError, ErrorCode } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { RE2JS } from 're2js';
import { patternShape } from './pattern-shape';
import { PATTERN_LIMITS } from './rule-limits';

/** Bounds the memory of the cache; the least recently used pattern goes first. */
const MAX_CACHED_PATTERNS = 2000;

/** What a saved pattern adds to its user's totals (RULE_LIMITS). */
export interface PatternCost {
  programSize: number;
  unicodeClasses: number;
}

/**
 * Compiles `matches` patterns with RE2, whose matching time grows linearly
 * with the text: no pattern a user writes can backtrack catastrophically.
 * Linear is still a cost (program size × text length, plus the case folding
 * of wide classes when compiling), so a pattern is also bounded when saved:
 * PATTERN_LIMITS. What RE2 cannot do in linear time (backreferences,
 * lookarounds) it refuses to compile, and so do we.
 */
@Injectable()
export class RulePatterns {
  private readonly compiled = new Map<string, RE2JS>();

  /** The compiled pattern; INVALID_PATTERN (400) naming `field` when RE2 refuses it. */
  compile(pattern: string, caseSensitive: boolean, field: string): RE2JS {
    const key = `${caseSensitive ? 's' : 'i'}:${pattern}`;
    let regex = this.compiled.get(key);
    if (regex) {
      this.compiled.delete(key); // re-inserted below as the most recently used
    } else {
      regex = compileOrRefuse(pattern, caseSensitive, field);
      if (this.compiled.size >= MAX_CACHED_PATTERNS) this.compiled.delete(this.compiled.keys().next().value!);
    }
    this.compiled.set(key, regex);
    return regex;
  }

  /**
   * Checks a pattern about to be saved against PATTERN_LIMITS and returns its
   * cost; INVALID_PATTERN (400) naming `field` and the limit otherwise.
   */
  check(pattern: string, caseSensitive: boolean, field: string): PatternCost {
    const programSize = this.compile(pattern, caseSensitive, field).programSize();
    const shape = patternShape(pattern);
    const refuse = (problem: string) => {
      const message = `${field}: ${problem}`;
      throw new DomainError(ErrorCode.INVALID_PATTERN, message, [{ field, errors: [message] }]);
    };
    if (shape.largestRepeat > PATTERN_LIMITS.countedRepeat) {
      refuse(`a counted repeat may be at most {${PATTERN_LIMITS.countedRepeat}}, not {${shape.largestRepeat}}`);
    }
    if (shape.nesting > PATTERN_LIMITS.nesting) {
      refuse(`groups may nest ${PATTERN_LIMITS.nesting} deep at most, not ${shape.nesting}`);
    }
    if (shape.unicodeClasses > PATTERN_LIMITS.unicodeClasses) {
      refuse(`a pattern may use ${PATTERN_LIMITS.unicodeClasses} \\p or \\P classes at most, not ${shape.unicodeClasses}`);
    }
    if (shape.widestRange > PATTERN_LIMITS.classRangeWidth) {
      refuse(`a character class range may span ${PATTERN_LIMITS.classRangeWidth} characters at most, not ${shape.widestRange}`);
    }
    if (programSize > PATTERN_LIMITS.programSize) {
      refuse(`the pattern compiles to ${programSize} RE2 instructions, more than the ${PATTERN_LIMITS.programSize} allowed; make it simpler`);
    }
    return { programSize, unicodeClasses: shape.unicodeClasses };
  }

  /** The cost of a pattern already saved, which may predate the limits. */
  cost(pattern: string, caseSensitive: boolean, field: string): PatternCost {
    return {
      programSize: this.compile(pattern, caseSensitive, field).programSize(),
      unicodeClasses: patternShape(pattern).unicodeClasses,
    };
  }
}

function compileOrRefuse(pattern: string, caseSensitive: boolean, field: string): RE2JS {
  try {
    return RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `${field} is not a regular expression RE2 accepts (${reason}); backreferences and lookarounds are not supported`;
    throw new DomainError(ErrorCode.INVALID_PATTERN, message, [{ field, errors: [message] }]);
  }
}

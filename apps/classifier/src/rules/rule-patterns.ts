import { DomainError, ErrorCode } from '@finstack/contracts';
import { Injectable } from '@nestjs/common';
import { RE2JS } from 're2js';

/** Bounds the memory of the cache; once full it starts over, which only costs recompiling. */
const MAX_CACHED_PATTERNS = 2000;

/**
 * Compiles `matches` patterns with RE2, whose matching time grows linearly
 * with the text: no pattern a user writes can backtrack catastrophically.
 * What RE2 cannot do in linear time (backreferences, lookarounds) it refuses
 * to compile, and so do we, when the rule is saved. Compiled patterns are
 * kept, as every classification evaluates every rule.
 */
@Injectable()
export class RulePatterns {
  private readonly compiled = new Map<string, RE2JS>();

  /** The compiled pattern; INVALID_PATTERN (400) naming `field` when RE2 refuses it. */
  compile(pattern: string, caseSensitive: boolean, field: string): RE2JS {
    const key = `${caseSensitive ? 's' : 'i'}:${pattern}`;
    let regex = this.compiled.get(key);
    if (!regex) {
      regex = compileOrRefuse(pattern, caseSensitive, field);
      if (this.compiled.size >= MAX_CACHED_PATTERNS) this.compiled.clear();
      this.compiled.set(key, regex);
    }
    return regex;
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

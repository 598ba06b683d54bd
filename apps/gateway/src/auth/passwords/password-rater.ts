import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** zxcvbn's scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

/*
 * Bounds on zxcvbn's work, so one request cannot hold the thread: only the
 * first 64 characters are rated (a longer password is judged by them), and
 * leet-speak variants are tried for at most 4 substituted characters. With
 * zxcvbn's defaults (256 characters, 100 substitutions) a crafted 256-character
 * password took seconds of CPU; with these, tens of milliseconds.
 */
const RATED_LENGTH = 64;
const LEET_SUBSTITUTIONS = 4;

export interface StrengthVerdict {
  score: number;
  strong: boolean;
  /** Why it is weak, in zxcvbn's words; absent when zxcvbn names nothing in particular. */
  warning?: string;
  suggestions: string[];
}

/** zxcvbn with its common-password and English dictionaries: about 45 MB of heap once ranked. */
export class PasswordRater {
  private readonly zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    maxLength: RATED_LENGTH,
    l33tMaxSubstitutions: LEET_SUBSTITUTIONS,
  });

  /** `userInputs`: what an attacker knows of the account (email, its local part, the display name), rated as guessable. */
  rate(password: string, userInputs: string[] = []): StrengthVerdict {
    const result = this.zxcvbn.check(password, userInputs.flatMap(inputsOf));
    const warning = result.feedback.warning ?? undefined;
    return {
      score: result.score,
      strong: result.score >= MIN_PASSWORD_SCORE,
      ...(warning ? { warning } : {}),
      suggestions: result.feedback.suggestions,
    };
  }
}

/** "ada.lovelace@example.com" → the address, "ada.lovelace", "ada", "lovelace", "example". */
function inputsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const [local, domain = ''] = lower.split('@');
  return [lower, local, ...local.split(/[._+-]+/), domain.split('.')[0]].filter((part) => part.length >= 3);
}

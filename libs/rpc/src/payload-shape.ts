/** Deeper than any body or message of the API (a rule's condition values are 4 levels down), far below what overflows the stack. */
export const MAX_PAYLOAD_DEPTH = 32;

/** Keys that name an object's prototype: the validation pipe drops them silently, so a payload holding one is refused, by name. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why a parsed JSON value is refused, or undefined when its shape is acceptable.
 * The validation pipe and class-transformer walk a payload recursively, so one
 * nested thousands of levels deep overflowed the stack (a 500); this walk is
 * iterative and stops at the first level too deep. The gateway checks every
 * HTTP body with it and every service every TCP message, so a raw caller of a
 * service port meets the same limit as a user of the API.
 */
export function payloadShapeProblem(payload: unknown): string | undefined {
  const pending: Array<[unknown, number]> = [[payload, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_PAYLOAD_DEPTH) return `payload is nested more than ${MAX_PAYLOAD_DEPTH} levels deep`;
    for (const key of Object.keys(value)) {
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return `property ${key} should not exist`;
      pending.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}

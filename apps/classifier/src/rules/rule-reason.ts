/** How a category set by a rule explains itself. */
export function ruleReason(rule: { id: string; name: string }): string {
  return `rule ${rule.id} "${rule.name}"`;
}

/** Which checker reported a rule, for Monaco's hover (`ruff(F401)`); rule names are the generator's checks'. */
export function checkerOf(rule: string): string {
  if (rule.startsWith('parse-')) return 'tree-sitter';
  if (rule.startsWith('openapi')) return 'openapi';
  if (rule === 'json') return 'json';
  // Run checks' findings carry their tool as the rule (mypy's own error code is in the message).
  if (rule === 'mypy' || rule === 'pytest') return rule;
  return 'ruff';
}

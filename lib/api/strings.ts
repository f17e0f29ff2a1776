import { formatPath, type Issue } from './errors';

// NUL cannot be stored by PostgreSQL (text or jsonb), and a lone surrogate has no UTF-8 form: the drivers would
// fail (500) or silently replace it, so such strings are refused on every database alike.
const BAD_CHARACTER = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_ISSUES = 20;

function problem(text: string): string | null {
  const match = BAD_CHARACTER.exec(text);
  if (!match) return null;
  return match[0] === '\0'
    ? 'Text must not contain the NUL character (U+0000).'
    : 'Text must not contain a lone surrogate (invalid UTF-16).';
}

type Step = { key: PropertyKey; parent: Step | null } | null;

function pathOf(step: Step, last?: PropertyKey): string {
  const keys: PropertyKey[] = last === undefined ? [] : [last];
  for (let s = step; s; s = s.parent) keys.push(s.key);
  return formatPath(keys.reverse());
}

/**
 * Every string (keys included) of a parsed JSON value that cannot be stored as text, with its path. Walks with
 * its own stack and parent links, so a deeply nested body costs linear time and cannot overflow the call stack.
 */
export function unstorableStrings(value: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: { value: unknown; at: Step }[] = [{ value, at: null }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value: v, at } = stack.pop()!;
    if (typeof v === 'string') {
      const message = problem(v);
      if (message) issues.push({ path: pathOf(at), message });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], at: { key: i, parent: at } });
    } else if (v && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        const message = problem(key);
        if (message) issues.push({ path: pathOf(at, key), message: `Key: ${message}` });
        stack.push({ value: child, at: { key, parent: at } });
      }
    }
  }
  return issues;
}

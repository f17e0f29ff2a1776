import { RE2JS } from 're2js';
import { LIMITS } from './limits';

/**
 * Users' regular expressions (field patterns), compiled with RE2 semantics: matching is linear in the input,
 * so no pattern can freeze the server or the editor (a backtracking `^(a+)+$` took 88 s). The generated app's
 * pydantic-core matches with Rust's `regex` crate, whose syntax is RE2's: what Fastdraft accepts, the app runs.
 * Not accepted: lookaround (`(?=`, `(?!`, `(?<=`) and backreferences (`\1`).
 */
export const PATTERN_SYNTAX =
  'RE2 syntax (as in Go and Rust): no lookaround (?= (?! (?<= and no backreferences \\1';

export type CompiledPattern = { ok: true; test: (value: string) => boolean } | { ok: false; reason: string };

const compiled = new Map<string, CompiledPattern>();
const MAX_CACHED = 500;

/** Compiles `pattern` (memoised: validation runs on every edit), or says why RE2 refuses it. */
export function compilePattern(pattern: string): CompiledPattern {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  let result: CompiledPattern;
  if (pattern.length > LIMITS.patternLength) {
    result = { ok: false, reason: `is longer than ${LIMITS.patternLength} characters` };
  } else {
    try {
      const re = RE2JS.compile(pattern);
      result = { ok: true, test: (value) => re.test(value) };
    } catch (error) {
      const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : '';
      result = { ok: false, reason: detail || 'does not compile' };
    }
  }
  if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(pattern, result);
  return result;
}

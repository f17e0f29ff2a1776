import { LIMITS } from '@/lib/design/limits';
import { compilePattern } from '@/lib/design/pattern';
import type { Field, Relation } from '@/lib/design/schema';
import { displayName, type SqlCheckTerm, type SqlTable } from './model';
import type { Reporter } from './report';

const TEXTUAL = new Set(['string', 'text', 'email', 'url', 'password']);
const NUMERIC = new Set(['integer', 'bigint', 'float', 'decimal']);
const WHOLE = new Set(['integer', 'bigint']);

/**
 * CHECK constraints as field constraints where the design can say them: `price >= 0` (min), `qty < 100` (max),
 * `char_length(code) <= 8` (maxLength), `code ~ '^[A-Z]+$'` (pattern). One report entry per CHECK: imported when
 * every conjunct became a constraint, approximated when some did, skipped when none did.
 */
export function applyChecks(
  table: SqlTable,
  fields: ReadonlyMap<string, Field>,
  fkColumns: ReadonlyMap<string, Relation>,
  pkColumn: string | undefined,
  report: Reporter,
): void {
  for (const check of table.checks) {
    // Unnamed checks are told apart by the columns they constrain.
    const columns = [...new Set(check.terms.flatMap((t) => (t.kind === 'other' ? [] : [t.column])))];
    const on = columns.length > 0 ? ` (${columns.join(', ')})` : '';
    const subject = `check ${check.name ? `${check.name} ` : ''}on ${displayName(table.name)}${on}`;
    const left: string[] = [];
    let kept = 0;
    for (const term of check.terms) {
      const reason = applyTerm(term, fields, fkColumns, pkColumn);
      if (reason === null) kept++;
      else left.push(reason);
    }
    if (left.length === 0) report.add('imported', subject, check.at);
    else
      report.add(
        kept > 0 ? 'approximated' : 'skipped',
        subject,
        check.at,
        `${kept > 0 ? 'Only part of it is kept: ' : ''}${left.join('; ')}.`,
      );
  }
}

/** Applies one conjunct to its field; null when it did, else why not. */
function applyTerm(
  term: SqlCheckTerm,
  fields: ReadonlyMap<string, Field>,
  fkColumns: ReadonlyMap<string, Relation>,
  pkColumn: string | undefined,
): string | null {
  if (term.kind === 'other') return `'${clip(term.text)}' is not a constraint the design can express`;
  const field = fields.get(term.column);
  if (!field) {
    if (term.column === pkColumn || fkColumns.has(term.column))
      return `'${term.column}' is a key column, which takes no constraints`;
    return `'${term.column}' is not a field of the entity`;
  }
  const c = field.constraints;
  switch (term.kind) {
    case 'compare': {
      if (!NUMERIC.has(field.type)) return `'${term.column}' is not a number`;
      if (!Number.isFinite(term.value)) return `${term.value} is not a finite bound`;
      const whole = WHOLE.has(field.type);
      const strict = term.op === '>' || term.op === '<';
      // Exclusive bounds: exact for whole numbers, otherwise the design's inclusive bound is the nearest it has.
      if (strict && !whole)
        return `'${term.column} ${term.op} ${term.value}' is an exclusive bound, the design's min/max are inclusive`;
      let bound = term.value;
      if (whole)
        bound =
          term.op === '>'
            ? Math.floor(bound) + 1
            : term.op === '<'
              ? Math.ceil(bound) - 1
              : term.op === '>='
                ? Math.ceil(bound)
                : Math.floor(bound);
      if (term.op === '>' || term.op === '>=') c.min = c.min === undefined ? bound : Math.max(c.min, bound);
      else c.max = c.max === undefined ? bound : Math.min(c.max, bound);
      return null;
    }
    case 'length': {
      if (!TEXTUAL.has(field.type)) return `'${term.column}' is not text`;
      let bound =
        term.op === '>'
          ? Math.floor(term.value) + 1
          : term.op === '<'
            ? Math.ceil(term.value) - 1
            : term.op === '>='
              ? Math.ceil(term.value)
              : Math.floor(term.value);
      bound = Math.max(0, Math.min(bound, LIMITS.integer));
      if (term.op === '>' || term.op === '>=') {
        c.minLength = c.minLength === undefined ? bound : Math.max(c.minLength, bound);
      } else if (field.type === 'string') {
        // For strings maxLength is also VARCHAR's length: keep the column's own when it is shorter.
        c.maxLength = c.maxLength === undefined ? bound : Math.min(c.maxLength, bound);
      } else c.maxLength = c.maxLength === undefined ? bound : Math.min(c.maxLength, bound);
      return null;
    }
    case 'pattern': {
      if (!TEXTUAL.has(field.type)) return `'${term.column}' is not text`;
      if (term.pattern.length > LIMITS.patternLength)
        return `its pattern is longer than ${LIMITS.patternLength} characters`;
      if (c.pattern !== undefined) return `'${term.column}' already has a pattern`;
      const compiled = compilePattern(term.pattern);
      if (!compiled.ok)
        return `the pattern '${clip(term.pattern)}' is not one the design accepts (${compiled.reason})`;
      c.pattern = term.pattern;
      return null;
    }
    case 'in':
      return `'${term.column} IN (...)' lists allowed values, which the design only holds as an enum type`;
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

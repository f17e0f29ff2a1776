import { compilePattern, PATTERN_SYNTAX } from '../pattern';
import type { DesignEnum, Field, FieldType } from '../schema';
import type { Context } from './context';

const TEXTUAL: ReadonlySet<FieldType> = new Set(['string', 'text', 'email', 'url', 'password']);
const NUMERIC: ReadonlySet<FieldType> = new Set(['integer', 'bigint', 'float', 'decimal']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Why a literal default does not fit the field, or null when it does. */
export function literalDefaultProblem(
  field: Field,
  value: unknown,
  enumDef: DesignEnum | undefined,
): string | null {
  if (value === null) return field.nullable ? null : 'is null but the field is not nullable';
  const { constraints: c } = field;
  if (TEXTUAL.has(field.type)) {
    if (typeof value !== 'string') return 'must be text';
    if (c.maxLength !== undefined && value.length > c.maxLength)
      return `is longer than maxLength ${c.maxLength}`;
    if (c.minLength !== undefined && value.length < c.minLength)
      return `is shorter than minLength ${c.minLength}`;
    // Linear-time matching (RE2): the pattern and the default are both the user's.
    const regex = c.pattern === undefined ? null : compilePattern(c.pattern);
    if (regex?.ok && !regex.test(value)) return `does not match the pattern ${c.pattern}`;
    if (field.type === 'email' && !EMAIL.test(value)) return 'is not an email address';
    if (field.type === 'url' && !isHttpUrl(value)) return 'is not an http(s) URL';
    return null;
  }
  if (NUMERIC.has(field.type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
    if ((field.type === 'integer' || field.type === 'bigint') && !Number.isInteger(value)) {
      return 'must be a whole number';
    }
    if (c.min !== undefined && value < c.min) return `is below the minimum ${c.min}`;
    if (c.max !== undefined && value > c.max) return `is above the maximum ${c.max}`;
    return null;
  }
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? null : 'must be a date like 2024-01-31';
    case 'datetime':
      return typeof value === 'string' && DATETIME_WITH_ZONE.test(value)
        ? null
        : 'must be a date-time with a time zone, like 2024-01-31T12:00:00Z';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? null : 'must be a UUID';
    case 'enum':
      if (!enumDef) return null; // reported as a missing enum
      return typeof value === 'string' && enumDef.values.includes(value)
        ? null
        : `must be one of the values of '${enumDef.name}'`;
    default:
      return null; // json: anything goes
  }
}

function checkField(ctx: Context, field: Field, path: string): void {
  const { report } = ctx;
  const id = field.id;
  const label = `Field '${field.name}'`;
  const c = field.constraints;
  let enumDef: DesignEnum | undefined;
  if (field.type === 'enum') {
    if (field.enumId === undefined)
      report('missing-enum', `${path}.enumId`, `${label} is an enum but no enum is chosen.`, id);
    else {
      enumDef = ctx.enums.get(field.enumId);
      if (!enumDef)
        report('unknown-enum', `${path}.enumId`, `${label} uses an enum that no longer exists.`, id);
    }
  }
  if (field.type === 'decimal') {
    if (field.precision === undefined || field.scale === undefined) {
      report(
        'invalid-decimal',
        path,
        `${label} is a decimal: set its precision and scale (e.g. 10 and 2).`,
        id,
      );
    } else if (field.scale > field.precision) {
      report(
        'invalid-decimal',
        `${path}.scale`,
        `${label}: scale ${field.scale} exceeds precision ${field.precision}.`,
        id,
      );
    }
  }
  if (field.readOnly && field.writeOnly) {
    report(
      'read-write-conflict',
      path,
      `${label} cannot be both read-only and write-only: it would be invisible.`,
      id,
    );
  }
  if (field.readOnly && !field.writeOnly && !field.nullable && field.default === undefined && !field.derive) {
    report(
      'read-only-required',
      `${path}.readOnly`,
      `${label} is read-only and required but has no default: clients cannot send it and the server has no value for it, so no row could ever be created. Give it a default, make it nullable, or make it writable.`,
      id,
    );
  }
  if (field.type === 'password' && field.readOnly) {
    report('read-write-conflict', `${path}.readOnly`, `${label} is a password: it must be writable.`, id);
  }
  const lengthKeys = (['minLength', 'maxLength', 'pattern'] as const).filter((k) => c[k] !== undefined);
  const rangeKeys = (['min', 'max'] as const).filter((k) => c[k] !== undefined);
  for (const key of TEXTUAL.has(field.type) ? [] : lengthKeys) {
    report(
      'constraint-not-applicable',
      `${path}.constraints.${key}`,
      `${label}: ${key} only applies to text.`,
      id,
    );
  }
  for (const key of NUMERIC.has(field.type) ? [] : rangeKeys) {
    report(
      'constraint-not-applicable',
      `${path}.constraints.${key}`,
      `${label}: ${key} only applies to numbers.`,
      id,
    );
  }
  if (c.min !== undefined && c.max !== undefined && c.min > c.max) {
    report(
      'constraint-range',
      `${path}.constraints.min`,
      `${label}: min ${c.min} is greater than max ${c.max}.`,
      id,
    );
  }
  if (c.minLength !== undefined && c.maxLength !== undefined && c.minLength > c.maxLength) {
    report(
      'constraint-range',
      `${path}.constraints.minLength`,
      `${label}: minLength ${c.minLength} is greater than maxLength ${c.maxLength}.`,
      id,
    );
  }
  const compiled = c.pattern === undefined ? null : compilePattern(c.pattern);
  if (compiled && !compiled.ok) {
    report(
      'invalid-pattern',
      `${path}.constraints.pattern`,
      `${label}: '${c.pattern}' is not a valid regular expression here (${compiled.reason}). Patterns use ${PATTERN_SYNTAX}.`,
      id,
    );
  }
  const def = field.default;
  if (!def) return;
  const defPath = `${path}.default`;
  if (field.type === 'password') {
    report('invalid-default', defPath, `${label} is a password and cannot have a default.`, id);
  } else if (def.kind === 'now' && field.type !== 'date' && field.type !== 'datetime') {
    report('invalid-default', defPath, `${label}: the default 'now' only fits date and datetime fields.`, id);
  } else if (def.kind === 'uuid' && field.type !== 'uuid') {
    report('invalid-default', defPath, `${label}: a generated UUID default only fits uuid fields.`, id);
  } else if (def.kind === 'literal') {
    const problem = literalDefaultProblem(field, def.value, enumDef);
    if (problem)
      report(
        'invalid-default',
        defPath,
        `${label}: the default ${JSON.stringify(def.value)} ${problem}.`,
        id,
      );
  }
}

export function checkFields(ctx: Context): void {
  ctx.design.entities.forEach((entity, i) => {
    entity.fields.forEach((field, j) => {
      checkField(ctx, field, `entities[${i}].fields[${j}]`);
    });
  });
}

export function checkEnums(ctx: Context): void {
  ctx.design.enums.forEach((item, i) => {
    const path = `enums[${i}].values`;
    if (item.values.length === 0) {
      ctx.report('empty-enum', path, `Enum '${item.name}' has no values.`, item.id);
    }
    const seen = new Set<string>();
    item.values.forEach((value, j) => {
      if (value.trim() === '') {
        ctx.report('invalid-enum-value', `${path}[${j}]`, `Enum '${item.name}' has an empty value.`, item.id);
      } else if (seen.has(value)) {
        ctx.report(
          'duplicate-enum-value',
          `${path}[${j}]`,
          `Enum '${item.name}' lists '${value}' twice.`,
          item.id,
        );
      }
      seen.add(value);
    });
  });
}

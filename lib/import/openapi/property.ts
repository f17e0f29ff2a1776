import { jsonValueProblem, LIMITS } from '@/lib/design/limits';
import { compilePattern } from '@/lib/design/pattern';
import type { Constraints, FieldType } from '@/lib/design/schema';
import { isObj, type Obj, type Refs, refName } from './refs';

/**
 * What one property schema of an OpenAPI document says, in the design's terms: a scalar field (with its
 * type, constraints and an enum's values), a reference to another schema (a to-one relation), an array of
 * references (a to-many relation), or a JSON value (nested inline objects, arrays of scalars).
 */
export type PropertyInfo = {
  nullable: boolean;
  description: string;
  readOnly: boolean;
  writeOnly: boolean;
  example?: unknown;
  /** Why the design says less than the document (dropped constraints, approximated types). */
  notes: string[];
} & (
  | { kind: 'ref'; target: string }
  | { kind: 'refs'; target: string }
  | {
      kind: 'scalar';
      type: FieldType;
      constraints: Constraints;
      /** Inline enum values, or the name of the enum component it refers to. */
      enumValues?: string[];
      enumRef?: string;
      default?: unknown;
      /** The string branch's pattern of a decimal (the generator writes its digits in it). */
      decimalPattern?: string;
    }
);

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const INT64_MAX = 2 ** 63;
/** Names of free-text properties without a length that hold more than a line (stored as TEXT). */
const LONG_TEXT = new Set([
  'body',
  'content',
  'description',
  'bio',
  'text',
  'notes',
  'comment',
  'message',
  'summary',
  'details',
]);
/** The generator's decimal branch (`anyOf [number, string with pattern]`). */
const isDecimalPair = (branches: Obj[]) =>
  branches.length === 2 &&
  branches.some((b) => b.type === 'number') &&
  branches.some((b) => b.type === 'string' && typeof b.pattern === 'string');

/** How the generator's responses show a decimal (a string; the lookahead is Pydantic's, not RE2). */
const DECIMAL_OUTPUT = '^(?!^[-+.]*$)';

type Flat = { schema: Obj; nullable: boolean; ref?: string; branches?: Obj[] };

/** Strips nullability (3.0 `nullable`, 3.1 `type: [x, 'null']`, `anyOf`/`oneOf` with a null branch). */
function flatten(schema: Obj): Flat {
  let nullable = schema.nullable === true;
  let out: Obj = schema;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    if (types.length < schema.type.length) nullable = true;
    out = { ...schema, type: types.length === 1 ? types[0] : types };
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = out[key];
    if (!Array.isArray(list)) continue;
    const branches = list.filter(isObj);
    const rest = branches.filter(
      (b) => !(b.type === 'null' || (Array.isArray(b.enum) && b.enum.length === 1 && b.enum[0] === null)),
    );
    if (rest.length < branches.length) nullable = true;
    if (rest.length === 1) {
      const { [key]: _, ...siblings } = out;
      const inner = flatten(rest[0] as Obj);
      return { ...inner, schema: { ...inner.schema, ...siblings }, nullable: nullable || inner.nullable };
    }
    return { schema: out, nullable, branches: rest };
  }
  // `allOf: [{$ref}]` is the usual way to put a description beside a ref (3.0 ignores siblings of $ref).
  if (Array.isArray(out.allOf) && out.allOf.length === 1 && isObj(out.allOf[0])) {
    const { allOf: _, ...siblings } = out;
    const inner = flatten(out.allOf[0] as Obj);
    return { ...inner, schema: { ...siblings, ...inner.schema }, nullable: nullable || inner.nullable };
  }
  const ref = refName(out);
  return ref ? { schema: out, nullable, ref } : { schema: out, nullable };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function exampleOf(schema: Obj): unknown {
  const value = Array.isArray(schema.examples) ? schema.examples[0] : schema.example;
  if (value === undefined) return undefined;
  return jsonValueProblem(value) === null ? value : undefined;
}

/** What the property schema at `pointer` says; `name` is the property's JSON name (for the text heuristic). */
export function describeProperty(raw: unknown, pointer: string, name: string, refs: Refs): PropertyInfo {
  const flat = flatten(isObj(raw) ? raw : {});
  const schema = flat.schema;
  const notes: string[] = [];
  const base = {
    nullable: flat.nullable,
    description: str(schema.description).slice(0, LIMITS.descriptionLength),
    readOnly: schema.readOnly === true,
    writeOnly: schema.writeOnly === true,
    notes,
    ...(exampleOf(schema) !== undefined ? { example: exampleOf(schema) } : {}),
  };
  if (typeof schema.$ref === 'string' && !flat.ref) {
    // A ref outside the component schemas (another document, a parameter...): resolving it reports why not.
    const target = refs.resolve(schema, pointer);
    if (target && !isObjectSchema(target.schema)) return scalar(target.schema, base, name, notes);
    notes.push('A $ref that is not a component schema is stored as JSON.');
    return { ...base, kind: 'scalar', type: 'json', constraints: {} };
  }
  if (flat.ref) {
    const target = refs.resolve(schema, pointer);
    if (target && isEnumSchema(target.schema)) {
      return { ...base, kind: 'scalar', type: 'enum', constraints: {}, enumRef: flat.ref };
    }
    if (target && !isObjectSchema(target.schema)) {
      return scalar(target.schema, base, name, notes);
    }
    return { ...base, kind: 'ref', target: flat.ref };
  }
  if (flat.branches) {
    if (isDecimalPair(flat.branches)) {
      const number = flat.branches.find((b) => b.type === 'number') as Obj;
      const text = flat.branches.find((b) => b.type === 'string') as Obj;
      return {
        ...base,
        kind: 'scalar',
        type: 'decimal',
        constraints: range(number),
        decimalPattern: str(text.pattern),
      };
    }
    notes.push(`A union of ${flat.branches.length} schemas is stored as JSON.`);
    return { ...base, kind: 'scalar', type: 'json', constraints: {} };
  }
  if (schema.type === 'array' || (schema.type === undefined && schema.items !== undefined)) {
    const items = isObj(schema.items) ? flatten(schema.items) : undefined;
    if (items?.ref) {
      const target = refs.resolve(items.schema, `${pointer}/items`);
      if (!target || isObjectSchema(target.schema)) return { ...base, kind: 'refs', target: items.ref };
    }
    notes.push('An array of values is stored as JSON.');
    return { ...base, kind: 'scalar', type: 'json', constraints: {} };
  }
  return scalar(schema, base, name, notes);
}

function range(schema: Obj): Constraints {
  const c: Constraints = {};
  const min = num(schema.minimum);
  const max = num(schema.maximum);
  if (min !== undefined) c.min = min;
  if (max !== undefined) c.max = max;
  return c;
}

function scalar(schema: Obj, base: Omit<PropertyInfo, 'kind'>, name: string, notes: string[]): PropertyInfo {
  const type = Array.isArray(schema.type) ? undefined : schema.type;
  if (Array.isArray(schema.type))
    notes.push(`A value of several types (${schema.type.join(', ')}) is stored as JSON.`);
  const constraints: Constraints = {};
  const fmt = str(schema.format);
  const dflt = schema.default;
  const extra: { default?: unknown } =
    dflt !== undefined && (typeof dflt !== 'object' || dflt === null) ? { default: dflt } : {};
  for (const key of [
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
    'minItems',
    'maxItems',
    'const',
    'not',
  ]) {
    if (schema[key] !== undefined && schema[key] !== false)
      notes.push(`\`${key}\` is not kept (the design has no such constraint).`);
  }
  if (
    type === 'string' ||
    (type === undefined &&
      (Array.isArray(schema.enum) || typeof schema.pattern === 'string' || schema.maxLength !== undefined))
  ) {
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter((v): v is string => typeof v === 'string');
      if (values.length > 0)
        return { ...base, kind: 'scalar', type: 'enum', constraints, enumValues: values, ...extra };
    }
    const minLength = num(schema.minLength);
    const maxLength = num(schema.maxLength);
    if (
      minLength !== undefined &&
      Number.isInteger(minLength) &&
      minLength >= 0 &&
      minLength <= LIMITS.integer
    )
      constraints.minLength = minLength;
    if (
      maxLength !== undefined &&
      Number.isInteger(maxLength) &&
      maxLength >= 0 &&
      maxLength <= LIMITS.integer
    )
      constraints.maxLength = maxLength;
    if (typeof schema.pattern === 'string' && schema.pattern.startsWith(DECIMAL_OUTPUT)) {
      return { ...base, kind: 'scalar', type: 'decimal', constraints: {}, ...extra };
    }
    if (typeof schema.pattern === 'string') {
      const compiled = compilePattern(schema.pattern);
      if (compiled.ok) constraints.pattern = schema.pattern;
      else notes.push(`The pattern is left out: it ${compiled.reason} (patterns use RE2 syntax).`);
    }
    let t: FieldType = 'string';
    switch (fmt) {
      case 'date':
        t = 'date';
        break;
      case 'date-time':
        t = 'datetime';
        break;
      case 'uuid':
        t = 'uuid';
        break;
      case 'email':
      case 'idn-email':
        t = 'email';
        break;
      case 'uri':
      case 'url':
      case 'iri':
        t = 'url';
        break;
      case 'password':
        t = 'password';
        break;
      case '':
        if ((maxLength ?? 0) > 255 || (maxLength === undefined && LONG_TEXT.has(name.toLowerCase())))
          t = 'text';
        break;
      default:
        notes.push(`The format \`${fmt}\` is stored as a plain string.`);
    }
    if (!['string', 'text', 'email', 'url', 'password'].includes(t)) {
      delete constraints.minLength;
      delete constraints.maxLength;
      delete constraints.pattern;
    }
    if (t === 'password') delete extra.default;
    return { ...base, kind: 'scalar', type: t, constraints, ...extra };
  }
  if (type === 'integer') {
    const c = range(schema);
    const wide = fmt === 'int64' || (c.max ?? 0) > INT32.max || (c.min ?? 0) < INT32.min;
    // Bounds that are the column's own are not constraints (the generator emits them for every integer).
    if (c.min !== undefined && c.min <= (wide ? -INT64_MAX : INT32.min)) delete c.min;
    if (c.max !== undefined && c.max >= (wide ? INT64_MAX - 1 : INT32.max)) delete c.max;
    return { ...base, kind: 'scalar', type: wide ? 'bigint' : 'integer', constraints: c, ...extra };
  }
  if (type === 'number') {
    const decimal = fmt === 'decimal';
    return {
      ...base,
      kind: 'scalar',
      type: decimal ? 'decimal' : 'float',
      constraints: range(schema),
      ...extra,
    };
  }
  if (type === 'boolean') return { ...base, kind: 'scalar', type: 'boolean', constraints, ...extra };
  if (type === 'object' || schema.properties !== undefined || schema.additionalProperties !== undefined) {
    notes.push('A nested inline object is stored as JSON (only component schemas become entities).');
    return { ...base, kind: 'scalar', type: 'json', constraints };
  }
  if (type === 'null') notes.push('A value that is always null is stored as JSON.');
  else if (type !== undefined) notes.push(`The type \`${String(type)}\` is stored as JSON.`);
  return { ...base, kind: 'scalar', type: 'json', constraints };
}

/** A component that becomes a design enum: string values, no properties. */
export function isEnumSchema(schema: Obj): boolean {
  return (
    Array.isArray(schema.enum) &&
    schema.enum.some((v) => typeof v === 'string') &&
    schema.properties === undefined
  );
}

/** A component that can become an entity: an object with properties (or allOf of such). */
export function isObjectSchema(schema: Obj): boolean {
  if (isObj(schema.properties)) return true;
  if (schema.type === 'object' && schema.additionalProperties === undefined) return true;
  return (
    Array.isArray(schema.allOf) &&
    schema.allOf.some((s) => isObj(s) && (isObj(s.properties) || typeof s.$ref === 'string'))
  );
}

import { escapeToken } from './parse';
import { isEnumSchema, isObjectSchema } from './property';
import { isObj, type Obj, type Refs, schemaPointer } from './refs';
import type { Reporter } from './report';

/** The component schemas of a document, object schemas with their `allOf` parts merged. */

/** At most this many component schemas are read (the design holds at most 1,000 entities). */
export const MAX_SCHEMAS = 2000;
/** At most this many properties of one schema are read (an entity holds at most 200 fields). */
export const MAX_PROPERTIES = 400;
const MAX_ALLOF_DEPTH = 8;

export type ObjectSchema = {
  name: string;
  pointer: string;
  properties: Array<{ name: string; schema: unknown; pointer: string }>;
  required: Set<string>;
  description: string;
  raw: Obj;
};

export type Components = {
  objects: Map<string, ObjectSchema>;
  enums: Map<string, { name: string; pointer: string; values: string[] }>;
};

function merge(
  schema: Obj,
  pointer: string,
  refs: Refs,
  out: ObjectSchema,
  depth: number,
  seen: Set<string>,
): void {
  if (depth > MAX_ALLOF_DEPTH) return;
  const props = isObj(schema.properties) ? schema.properties : {};
  for (const [key, value] of Object.entries(props)) {
    if (out.properties.length >= MAX_PROPERTIES) break;
    if (out.properties.some((p) => p.name === key)) continue;
    out.properties.push({ name: key, schema: value, pointer: `${pointer}/properties/${escapeToken(key)}` });
  }
  if (Array.isArray(schema.required))
    for (const r of schema.required) if (typeof r === 'string') out.required.add(r);
  if (!Array.isArray(schema.allOf)) return;
  schema.allOf.forEach((part, i) => {
    const resolved = refs.resolve(part, `${pointer}/allOf/${i}`);
    if (!resolved || seen.has(resolved.pointer)) return;
    seen.add(resolved.pointer);
    merge(resolved.schema, resolved.pointer, refs, out, depth + 1, seen);
  });
}

export function readComponents(root: Obj, refs: Refs, report: Reporter): Components {
  const objects = new Map<string, ObjectSchema>();
  const enums = new Map<string, { name: string; pointer: string; values: string[] }>();
  const components = isObj(root.components) ? root.components : {};
  const schemas = isObj(components.schemas) ? components.schemas : {};
  let count = 0;
  for (const [name, value] of Object.entries(schemas)) {
    const pointer = schemaPointer(name);
    if (++count > MAX_SCHEMAS) {
      report.skipped(`schema ${name}`, pointer, `More than ${MAX_SCHEMAS} component schemas.`);
      continue;
    }
    const resolved = refs.resolve(value, pointer);
    if (!resolved) continue;
    const s = resolved.schema;
    if (isEnumSchema(s)) {
      const values = (s.enum as unknown[]).filter((v): v is string => typeof v === 'string');
      enums.set(name, { name, pointer, values });
      continue;
    }
    if (!isObjectSchema(s)) continue;
    const out: ObjectSchema = {
      name,
      pointer,
      properties: [],
      required: new Set(),
      description: typeof s.description === 'string' ? s.description : '',
      raw: s,
    };
    merge(s, resolved.pointer, refs, out, 0, new Set([resolved.pointer]));
    const total = isObj(s.properties) ? Object.keys(s.properties).length : 0;
    if (total > MAX_PROPERTIES)
      report.skipped(
        `schema ${name}`,
        `${pointer}/properties`,
        `Only the first ${MAX_PROPERTIES} of ${total} properties are read.`,
      );
    objects.set(name, out);
  }
  return { objects, enums };
}

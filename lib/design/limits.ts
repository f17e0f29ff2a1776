/**
 * Hard limits of a design document, in one place (README "Limits" lists them). They keep one person's worst
 * input from costing everyone else: the schema refuses a document past them (422 naming the path), the API
 * refuses a document larger than MAX_DESIGN_BYTES (413). Semantic rules stay `validateDesign`'s job (an entity
 * name past 63 characters is a problem, not a refusal: PostgreSQL's identifier limit).
 */
export const LIMITS = {
  /** Serialized JSON of a whole design (UTF-8 bytes). A 1,000-entity synthetic design is ~1.3 MiB. */
  designBytes: 4 * 2 ** 20,
  entities: 1_000,
  fieldsPerEntity: 200,
  relations: 4_000,
  enums: 500,
  valuesPerEnum: 500,
  customEndpoints: 2_000,
  /** Roles of one access rule; filters, sortable fields and embeds of one resource. */
  listItems: 200,
  /** Ids of elements (entities, fields, relations...). Generated ids are ~20 characters. */
  idLength: 128,
  /** Names of the design, entities, fields, enums, relation attributes, table names, roles. */
  nameLength: 128,
  enumValueLength: 256,
  /** Resource paths and custom endpoint paths. */
  pathLength: 512,
  /** Descriptions and endpoint summaries. */
  descriptionLength: 4_000,
  /** A field's regular expression (RE2 syntax). */
  patternLength: 1_000,
  /** JSON values (field examples, literal defaults): nesting depth and serialized size. */
  jsonDepth: 32,
  jsonBytes: 64 * 2 ** 10,
  /**
   * Nesting of a whole design: its own structure is ~8 deep, a field's JSON value starts at 5 or 6. Checked
   * before anything recursive (structured clone to a worker, JSON.stringify) touches a posted document.
   */
  designDepth: 48,
  /**
   * Every whole number of a design (lengths, precision, page sizes, token lifetime): a PostgreSQL `integer`,
   * like the API's version numbers, so no generated column, query or duration overflows.
   */
  integer: 2_147_483_647,
} as const;

/** UTF-8 bytes of `text`, without allocating the encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export type JsonExcess = 'depth' | 'size' | null;

/**
 * Whether a JSON value is past a nesting depth or a serialized size, or null. Iterative (a 100,000-deep value
 * must not overflow the stack here) and stops as soon as a limit is passed; the size is the length of its
 * compact JSON text in UTF-8, counted without serializing (string escapes count as one character: a lower
 * bound, close enough).
 */
export function jsonExcess(value: unknown, maxDepth: number, maxBytes: number): JsonExcess {
  // Parallel stacks, no per-node allocation: this runs on the request thread over designs of megabytes.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  let bytes = 0;
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop() as number;
    if (typeof v === 'string') bytes += utf8Length(v) + 2;
    else if (typeof v === 'number' || typeof v === 'boolean') bytes += String(v).length;
    else if (v === null) bytes += 4;
    else if (typeof v === 'object') {
      if (depth >= maxDepth) return 'depth';
      if (Array.isArray(v)) {
        bytes += 1 + Math.max(1, v.length);
        for (let i = 0; i < v.length; i++) {
          values.push(v[i]);
          depths.push(depth + 1);
        }
      } else {
        const keys = Object.keys(v);
        bytes += 1 + Math.max(1, keys.length);
        for (const key of keys) {
          bytes += utf8Length(key) + 3;
          values.push((v as Record<string, unknown>)[key]);
          depths.push(depth + 1);
        }
      }
    }
    // Anything else (undefined, functions...) is not JSON: the JSON schema reports it.
    if (bytes > maxBytes) return 'size';
  }
  return null;
}

/** Why a JSON value (a field example, a literal default) is past LIMITS, or null. */
export function jsonValueProblem(
  value: unknown,
  maxDepth: number = LIMITS.jsonDepth,
  maxBytes: number = LIMITS.jsonBytes,
): string | null {
  const excess = jsonExcess(value, maxDepth, maxBytes);
  if (excess === 'depth') return `is nested deeper than ${maxDepth} levels`;
  if (excess === 'size') return `is larger than ${maxBytes / 1024} KiB of JSON`;
  return null;
}

/** Whether a whole design document is past LIMITS.designBytes or LIMITS.designDepth (see `jsonExcess`). */
export function designExcess(design: unknown): JsonExcess {
  return jsonExcess(design, LIMITS.designDepth, LIMITS.designBytes);
}

/**
 * Compares the OpenAPI document a generated app serves with `openApiFor(design)`. Both are normalised first:
 * prose (descriptions, titles, summaries) and `info` are dropped, `required`/`tags` are sets, parameters are
 * keyed by location and name. What remains must be equal: paths, methods, parameters, request and response
 * schemas, status codes, security, component schemas.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const PROSE = new Set(['description', 'title', 'summary']);
/** Maps whose keys are names (a property may be called `title`), not OpenAPI keywords. */
const NAME_MAPS = new Set(['properties', 'schemas', 'paths', 'responses', 'securitySchemes', '$defs']);
const SETS = new Set(['required', 'tags']);

function normalise(value: Json, parentKey: string | null): Json {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, null));
    if (parentKey && SETS.has(parentKey)) return [...items].sort(byJson);
    if (parentKey === 'parameters') return [...items].sort(byParameter);
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    const isNameMap = parentKey !== null && NAME_MAPS.has(parentKey);
    for (const key of Object.keys(value).sort()) {
      if (!isNameMap && PROSE.has(key)) continue;
      out[key] = normalise(value[key] as Json, key);
    }
    return out;
  }
  return value;
}

function byJson(a: Json, b: Json): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function byParameter(a: Json, b: Json): number {
  const key = (p: Json) =>
    p && typeof p === 'object' && !Array.isArray(p) ? `${p.in}:${p.name}` : JSON.stringify(p);
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function normaliseOpenApi(document: unknown): Json {
  const doc = { ...(document as Record<string, Json>) };
  delete doc.info;
  delete doc.openapi;
  return normalise(doc as Json, null);
}

export type OpenApiDifference = {
  /** JSON pointer into the normalised documents. */
  pointer: string;
  kind: 'only-served' | 'only-expected' | 'different';
  served?: Json;
  expected?: Json;
};

const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function diff(served: Json, expected: Json, pointer: string, out: OpenApiDifference[]): void {
  const bothObjects =
    served !== null &&
    expected !== null &&
    typeof served === 'object' &&
    typeof expected === 'object' &&
    Array.isArray(served) === Array.isArray(expected);
  if (!bothObjects) {
    if (served !== expected) out.push({ pointer, kind: 'different', served, expected });
    return;
  }
  if (Array.isArray(served) && Array.isArray(expected)) {
    if (served.length !== expected.length) {
      out.push({ pointer, kind: 'different', served, expected });
      return;
    }
    served.forEach((item, i) => {
      diff(item, expected[i] as Json, `${pointer}/${i}`, out);
    });
    return;
  }
  const a = served as { [key: string]: Json };
  const b = expected as { [key: string]: Json };
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const at = `${pointer}/${pointerPart(key)}`;
    if (!(key in b)) out.push({ pointer: at, kind: 'only-served', served: a[key] as Json });
    else if (!(key in a)) out.push({ pointer: at, kind: 'only-expected', expected: b[key] as Json });
    else diff(a[key] as Json, b[key] as Json, at, out);
  }
}

/** Differences between the served document and the expected one, after normalising both. */
export function compareOpenApi(served: unknown, expected: unknown): OpenApiDifference[] {
  const out: OpenApiDifference[] = [];
  diff(normaliseOpenApi(served), normaliseOpenApi(expected), '', out);
  return out;
}

const short = (value: Json | undefined) => {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 160 ? `${text.slice(0, 159)}…` : text;
};

export function describeDifference(d: OpenApiDifference): string {
  if (d.kind === 'only-served') return `${d.pointer}: served ${short(d.served)}, openApiFor has nothing`;
  if (d.kind === 'only-expected')
    return `${d.pointer}: openApiFor has ${short(d.expected)}, the app serves nothing`;
  return `${d.pointer}: served ${short(d.served)}, openApiFor has ${short(d.expected)}`;
}

/** The pieces of a pointer, unescaped. */
export function pointerParts(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

import { FORMAT_VERSION } from './schema';

/**
 * Format upgraders: `UPGRADERS[n]` turns a version-n document into version n+1. They run on untrusted JSON
 * before zod parsing, so they only move data around and leave shape checks to the schema.
 * Never edit an existing upgrader once released; add the next one and bump FORMAT_VERSION.
 */
type JsonObject = Record<string, unknown>;
type Upgrader = (doc: JsonObject) => JsonObject;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * v0 (the prototype, before `formatVersion` existed): canvas positions were stored inside entities and enums
 * (`position: {x, y}`, `collapsed`), there was no `layout`, no `customEndpoints`, and `auth` could be absent.
 */
function upgradeV0(doc: JsonObject): JsonObject {
  const nodes: Record<string, unknown> = {};
  const stripPositions = (items: unknown): unknown =>
    Array.isArray(items)
      ? items.map((item) => {
          if (!isObject(item)) return item;
          const { position, collapsed, ...rest } = item;
          if (typeof rest.id === 'string' && isObject(position)) {
            nodes[rest.id] =
              collapsed === true ? { x: position.x, y: position.y, collapsed } : { ...position };
          }
          return rest;
        })
      : items;
  return {
    ...doc,
    formatVersion: 1,
    entities: stripPositions(doc.entities),
    enums: stripPositions(doc.enums ?? []),
    customEndpoints: doc.customEndpoints ?? [],
    auth: doc.auth ?? null,
    layout: { nodes },
  };
}

export const UPGRADERS: Readonly<Record<number, Upgrader>> = { 0: upgradeV0 };

export type UpgradeResult = { ok: true; doc: unknown } | { ok: false; path: string; message: string };

/** Brings a document of any known version up to FORMAT_VERSION. A missing version means v0. */
export function upgradeDocument(json: unknown): UpgradeResult {
  if (!isObject(json)) return { ok: false, path: '', message: 'A design file must contain a JSON object.' };
  const version = json.formatVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, path: 'formatVersion', message: 'formatVersion must be a whole number.' };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      path: 'formatVersion',
      message: `This design uses format ${version}, made by a newer Fastdraft (this one reads up to ${FORMAT_VERSION}).`,
    };
  }
  let doc = json;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const upgrade = UPGRADERS[v];
    if (!upgrade) return { ok: false, path: 'formatVersion', message: `No upgrade from format ${v}.` };
    doc = upgrade(doc);
  }
  return { ok: true, doc };
}

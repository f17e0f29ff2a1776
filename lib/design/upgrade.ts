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

/**
 * v1 -> v2: fields get a `visibility`, and the new secure defaults apply: the auth user's login field and its
 * email fields are shown to the user themself only, and updates/deletes of the auth user open to any signed-in
 * user (or to everyone) become limited to the user themself (`owner` on the user entity).
 */
function upgradeV1(doc: JsonObject): JsonObject {
  const auth = isObject(doc.auth) ? doc.auth : null;
  const userId = auth?.userEntityId;
  const entities = Array.isArray(doc.entities)
    ? doc.entities.map((entity) => {
        if (!isObject(entity)) return entity;
        const isUser = entity.id === userId;
        const fields = Array.isArray(entity.fields)
          ? entity.fields.map((field) => {
              if (!isObject(field)) return field;
              const privateField = isUser && (field.id === auth?.loginFieldId || field.type === 'email');
              return { ...field, visibility: privateField ? 'owner' : 'public' };
            })
          : entity.fields;
        return { ...entity, fields, resource: isUser ? selfOnlyWrites(entity.resource) : entity.resource };
      })
    : doc.entities;
  return { ...doc, formatVersion: 2, entities };
}

function selfOnlyWrites(resource: unknown): unknown {
  if (!isObject(resource) || !isObject(resource.operations)) return resource;
  const operations: JsonObject = { ...resource.operations };
  for (const name of ['update', 'delete']) {
    const op = operations[name];
    if (!isObject(op) || !isObject(op.access)) continue;
    if (op.access.kind === 'public' || op.access.kind === 'authenticated') {
      operations[name] = { ...op, access: { kind: 'owner' } };
    }
  }
  return { ...resource, operations };
}

/**
 * v2 -> v3: the API's shape becomes part of the design. Every v2 design had the one fixed shape, written out here
 * (not taken from the factories, whose defaults for new designs may change).
 */
function upgradeV2(doc: JsonObject): JsonObject {
  const api = {
    naming: 'snake_case',
    objects: { wrap: false, key: '{name}' },
    bodies: { wrap: false },
    lists: { kind: 'object', itemsKey: 'items', countKey: 'total', echoPaging: true },
    paging: { style: 'offset', limitParam: 'limit', offsetParam: 'offset' },
    update: 'patch',
    errors: 'fastapi',
    timestamps: {},
  };
  const authApi = {
    registerPath: '/auth/register',
    loginPath: '/auth/login',
    mePath: '/auth/me',
    login: 'form',
    tokenIn: 'token',
    scheme: { kind: 'bearer' },
    meUpdate: false,
  };
  const auth = isObject(doc.auth) ? { ...doc.auth, api: authApi } : doc.auth;
  return { ...doc, formatVersion: 3, auth, api };
}

/**
 * v3 -> v4: behaviour blocks (computed fields, derived values, composite uniques, actions, viewer lists, value
 * lists, lookups through a relation, per-relation embed views). All are optional and absent in v3, so the document
 * is unchanged apart from its version and generates the same project.
 */
function upgradeV3(doc: JsonObject): JsonObject {
  return { ...doc, formatVersion: 4 };
}

export const UPGRADERS: Readonly<Record<number, Upgrader>> = {
  0: upgradeV0,
  1: upgradeV1,
  2: upgradeV2,
  3: upgradeV3,
};

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

import type { Components, ObjectSchema } from './components';
import type { PathGroup } from './groups';
import type { ApiOperation } from './operations';

/**
 * Which component schemas are entities, and which are another view of one: `PostRead`, `PostDetail`,
 * `PostCreate`, `NewPet`, the body of `PATCH /posts/{slug}`... all describe the entity `Post`. Envelopes, list
 * pages and error bodies describe the API's shape, not data: they are left to the shape and auth readers.
 */

export type EntityPlan = {
  /** The schema whose name the entity takes. */
  key: string;
  reads: string[];
  creates: string[];
  updates: string[];
  /** Read schemas that are a public view of the entity with a per-viewer value of their own (a profile). */
  views?: string[];
  group?: PathGroup;
};

const READ_SUFFIXES = [
  'WithToken',
  'PublicDetail',
  'Detail',
  'Public',
  'Read',
  'Response',
  'Out',
  'Output',
  'Dto',
  'View',
  'Full',
  'Summary',
];
const CREATE_SUFFIXES = [
  'Create',
  'CreateRequest',
  'CreateInput',
  'Input',
  'In',
  'Request',
  'Body',
  'New',
  'Base',
];
const UPDATE_SUFFIXES = ['Update', 'UpdateRequest', 'UpdateInput', 'Replace', 'Patch', 'Put'];
const CREATE_PREFIXES = ['New', 'Create'];
const UPDATE_PREFIXES = ['Update', 'Patch', 'Edit'];

/** The entity a schema name is a variant of (by name), or undefined. */
function variantOf(
  name: string,
  keys: ReadonlySet<string>,
): { key: string; role: 'read' | 'create' | 'update' } | undefined {
  const tries: Array<[string[], 'read' | 'create' | 'update']> = [
    [READ_SUFFIXES, 'read'],
    [UPDATE_SUFFIXES, 'update'],
    [CREATE_SUFFIXES, 'create'],
  ];
  for (const [suffixes, role] of tries) {
    for (const s of suffixes) {
      if (name.length > s.length && name.endsWith(s)) {
        const base = name.slice(0, -s.length);
        if (keys.has(base)) return { key: base, role };
      }
    }
  }
  for (const [prefixes, role] of [
    [CREATE_PREFIXES, 'create'],
    [UPDATE_PREFIXES, 'update'],
  ] as const) {
    for (const p of prefixes) {
      if (name.length > p.length && name.startsWith(p)) {
        const base = name.slice(p.length);
        if (keys.has(base)) return { key: base, role };
      }
    }
  }
  return undefined;
}

/** `NewUser`, `UserCreate`, `UserRegister` -> `User`. */
function stripAffixes(name: string): string {
  for (const p of [...CREATE_PREFIXES, ...UPDATE_PREFIXES])
    if (name.startsWith(p) && name.length > p.length) return name.slice(p.length);
  for (const s of [...CREATE_SUFFIXES, ...UPDATE_SUFFIXES, 'Register', 'Registration', 'Signup'])
    if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  return name;
}

/** Suffixes of our own generator's read schemas: always a view of the entity named by the rest. */
const OWN_READ_SUFFIXES = ['PublicDetail', 'Detail', 'Public', 'Read', 'WithToken'];

/**
 * `PostDetail` -> `Post`: the name an entity takes from its response schema. Other suffixes (`Response`,
 * `Out`...) are stripped only when the rest names a schema too (`ApiResponse` stays itself).
 */
function baseName(name: string, known: ReadonlySet<string> = new Set()): string {
  for (const s of READ_SUFFIXES) {
    if (name.length <= s.length || !name.endsWith(s)) continue;
    const rest = name.slice(0, -s.length);
    if (!/[a-z0-9]$/.test(rest)) continue;
    if (OWN_READ_SUFFIXES.includes(s) || known.has(rest)) return rest;
  }
  return name;
}

export type Assignment = {
  plans: EntityPlan[];
  /** Schema name -> entity key, for refs between schemas. */
  entityOf: Map<string, string>;
  /** Schemas that are shape (envelopes, pages), auth or error bodies: not entities. */
  consumed: Set<string>;
};

export type AuthOperations = {
  login?: ApiOperation;
  loginJson?: ApiOperation;
  register?: ApiOperation;
  me: ApiOperation[];
};

export function assignEntities(
  components: Components,
  groups: PathGroup[],
  ops: ApiOperation[],
  auth: AuthOperations,
): Assignment {
  const authOps = new Set(
    [auth.login, auth.loginJson, auth.register, ...auth.me].filter((o) => o !== undefined),
  );
  const { objects } = components;
  const objectNames = new Set(objects.keys());
  const entityOf = new Map<string, string>();
  const plans = new Map<string, EntityPlan>();
  const consumed = new Set<string>();
  for (const op of ops) {
    for (const w of [...(op.body?.wrappers ?? []), ...(op.success?.wrappers ?? [])]) consumed.add(w);
  }
  const plan = (key: string) => {
    let p = plans.get(key);
    if (!p) {
      p = { key, reads: [], creates: [], updates: [] };
      plans.set(key, p);
    }
    return p;
  };
  // The user: what `GET /me` answers, else what registering answers, else what it takes (`NewUser` -> `User`).
  const registerBody = auth.register?.body?.item;
  const me =
    auth.me.find((o) => o.method === 'GET')?.success?.item ??
    auth.register?.success?.item ??
    (registerBody
      ? (variantOf(registerBody, new Set([stripAffixes(registerBody)]))?.key ?? registerBody)
      : undefined);
  const userKey = me === undefined ? undefined : (entityOf.get(me) ?? baseName(me, objectNames));
  // `UserProfile` of a known `User` whose properties are all the user's: a view of it served at its own path.
  // A public profile of the current user (`Profile` beside `User`): all its properties but one (a per-viewer
  // `following`) are the user's.
  const viewOf = (name: string): string | undefined => {
    const own = objects.get(name)?.properties.map((p) => p.name) ?? [];
    if (own.length === 0) return undefined;
    for (const p of plans.values()) {
      if (name === p.key) continue;
      const theirs = new Set(
        [...p.reads, ...p.creates].flatMap((n) => objects.get(n)?.properties.map((x) => x.name) ?? []),
      );
      const missing = own.filter((x) => !theirs.has(x)).length;
      if (name.startsWith(p.key) && missing === 0) return p.key;
      // Shared beyond what every row has (`id`, timestamps): at least three of the user's own properties.
      const shared = own.filter((x) => theirs.has(x) && !GENERIC.has(x)).length;
      if (p.key === userKey && shared >= 3 && missing <= 1) {
        p.views = [...(p.views ?? []), name];
        return p.key;
      }
    }
    return undefined;
  };
  const add = (list: string[], name: string) => {
    if (objects.has(name) && !list.includes(name)) list.push(name);
  };
  // 1. The current user (`GET /me`) is the user entity; registering creates one, `PUT /me` updates it.
  if (me && (objects.has(me) || me !== registerBody)) {
    const key = entityOf.get(me) ?? baseName(me, objectNames);
    const p = plan(key);
    if (!entityOf.has(me)) {
      add(p.reads, me);
      entityOf.set(me, key);
    }
    const register = auth.register?.body?.item;
    if (register && !entityOf.has(register)) {
      add(p.creates, register);
      entityOf.set(register, key);
    }
    for (const o of auth.me) {
      const body = o.method === 'GET' ? undefined : o.body?.item;
      if (body && !entityOf.has(body)) {
        add(p.updates, body);
        entityOf.set(body, key);
      }
    }
  }
  // 2. Resources: the items their operations answer name the entity; their bodies are its inputs.
  // The fullest group of an entity is its resource (`/articles` before `/articles/feed`).
  const ordered0 = [...groups].sort(
    (a, b) => crudCount(b) - crudCount(a) || a.collection.length - b.collection.length,
  );
  for (const g of ordered0) {
    const first = g.reads.find((n) => objects.has(n)) ?? g.inputs.create.find((n) => objects.has(n));
    if (!first) continue;
    const existing = entityOf.get(first) ?? viewOf(first);
    let key = existing ?? baseName(first, objectNames);
    if (!existing && objects.has(key) && key !== first && entityOf.has(key))
      key = entityOf.get(key) as string;
    const p = plan(key);
    if (!p.group) p.group = g;
    for (const n of g.reads)
      if (!entityOf.has(n)) {
        add(p.reads, n);
        entityOf.set(n, key);
      }
    for (const n of g.inputs.create)
      if (!entityOf.has(n)) {
        add(p.creates, n);
        entityOf.set(n, key);
      }
    for (const n of g.inputs.update)
      if (!entityOf.has(n)) {
        add(p.updates, n);
        entityOf.set(n, key);
      }
    if (objects.has(key) && !entityOf.has(key)) {
      p.reads.unshift(key);
      entityOf.set(key, key);
    }
  }
  // FastAPI's own validation error schemas, present in every FastAPI document (also with no operation).
  const loc = objects.get('ValidationError')?.properties.map((p) => p.name) ?? [];
  if (['loc', 'msg', 'type'].every((k) => loc.includes(k))) consumed.add('ValidationError');
  if (objects.get('HTTPValidationError')?.properties.some((p) => p.name === 'detail'))
    consumed.add('HTTPValidationError');
  // Auth bodies and error bodies are not entities (unless a resource already claimed them).
  for (const op of ops) {
    if (authOps.has(op)) {
      for (const n of [op.body?.item, op.success?.item]) if (n && !entityOf.has(n)) consumed.add(n);
    }
    for (const n of op.errorSchemas) if (!entityOf.has(n)) consumed.add(n);
  }
  // Schemas only these bodies refer to (a validation error's items) go with them.
  const referenced = (name: string) =>
    JSON.stringify(components.objects.get(name)?.raw ?? {}).matchAll(/"#\/components\/schemas\/([^"]+)"/g);
  const fromEntities = new Set<string>();
  for (const name of objects.keys()) {
    if (consumed.has(name)) continue;
    for (const m of referenced(name)) fromEntities.add(decodeRef(m[1] as string));
  }
  const queue = [...consumed];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    for (const m of referenced(name)) {
      const target = decodeRef(m[1] as string);
      if (!consumed.has(target) && !entityOf.has(target) && !fromEntities.has(target)) {
        consumed.add(target);
        queue.push(target);
      }
    }
  }
  // 3. The other object schemas: a variant of an entity by name, else an entity of their own.
  const names = [...objects.keys()].filter((n) => !entityOf.has(n) && !consumed.has(n));
  const keys = () => new Set(plans.keys());
  // Plain names first, so `PetCreate` finds `Pet` even when it is listed before it.
  const ordered = [...names].sort(
    (a, b) => (variantOf(a, new Set(names)) ? 1 : 0) - (variantOf(b, new Set(names)) ? 1 : 0),
  );
  for (const name of ordered) {
    const v = variantOf(name, keys());
    if (v) {
      const p = plan(v.key);
      add(v.role === 'read' ? p.reads : v.role === 'create' ? p.creates : p.updates, name);
      entityOf.set(name, v.key);
      continue;
    }
    const p = plan(name);
    add(p.reads, name);
    entityOf.set(name, name);
  }
  // A consumed auth body named like an entity variant (`UserRegister`) stays consumed.
  for (const p of plans.values()) p.reads.sort((a, b) => size(objects.get(b)) - size(objects.get(a)) || 0);
  return { plans: [...plans.values()], entityOf, consumed };
}

function decodeRef(s: string): string {
  try {
    return decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return s;
  }
}

const GENERIC = new Set(['id', 'created_at', 'updated_at', 'createdAt', 'updatedAt']);

const crudCount = (g: PathGroup) => [g.list, g.create, g.get, g.delete, ...g.update].filter(Boolean).length;

const size = (s: ObjectSchema | undefined) => s?.properties.length ?? 0;

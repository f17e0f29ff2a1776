import { designToFlow } from '@/components/editor/flow/design-to-flow';
import type { Positions } from '@/components/editor/flow/layout-graph';
import { estimatedNodeSize } from '@/components/editor/flow/node-size';
import {
  type Auth,
  allIds,
  applyOperations,
  CUSTOM_ENDPOINTS_NODE_ID,
  copyNodes,
  type Design,
  defaultApiShape,
  type NewId,
  type Operation,
  OperationError,
  PASTE_STEP,
  pasteOperations,
  resourcePathFor,
  tableNameFor,
  validateDesign,
} from '@/lib/design';
import { ImportError } from './types';
import { withoutAuth } from './without-auth';

/**
 * Turns an imported design into operations on a target design: what the import proposes on the canvas
 * (accepted as one undoable step). Pure. The heavy lifting is the canvas's paste (`pasteOperations`): fresh ids,
 * names made unique (`User` -> `User2`), an enum of the same name and values reused, table names and paths kept
 * where free. On top of it: nested resources and per-resource shapes, custom endpoints, auth and the API shape,
 * and the boxes at the positions of the import's own layout, placed below what the target already has.
 */

export type ImportMode = 'new' | 'merge';

export type ClashKind = 'entity' | 'enum' | 'table' | 'path' | 'endpoint' | 'auth' | 'api';

/** A name the import could not keep as it was, and what was done instead. */
export type Clash = { kind: ClashKind; name: string; message: string };

export type ImportPlan = {
  operations: Operation[];
  /** Ids of the added entities, enums, relations and custom endpoints (what the canvas highlights). */
  highlight: string[];
  clashes: Clash[];
};

/** Space between the target's boxes and the imported ones below them. */
const MERGE_GAP = 160;

type FreshIds = (prefix: Parameters<NewId>[0] | 'cep') => string;
const MARGIN = 80;

/**
 * Ids not in the target and never handed out twice: `ent_imp1`, `fld_imp2`, ... A counter, not randomness, so the
 * same import into the same design plans the same operations (tests, golden plans); a second import into a
 * design that holds the first one's ids skips past them.
 */
function freshIds(target: Design): FreshIds {
  const taken = allIds(target);
  for (const id of Object.keys(target.layout.nodes)) taken.add(id);
  let next = 1;
  return (prefix) => {
    let id = `${prefix}_imp${next++}`;
    while (taken.has(id)) id = `${prefix}_imp${next++}`;
    taken.add(id);
    return id;
  };
}

/** Bottom-left corner below the target's boxes (the origin on an empty canvas). */
function freeOrigin(target: Design, mode: ImportMode): { x: number; y: number } {
  const nodes = designToFlow(target).nodes;
  if (mode === 'new' || nodes.length === 0) return { x: MARGIN, y: MARGIN };
  let left = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    left = Math.min(left, node.position.x);
    bottom = Math.max(bottom, node.position.y + estimatedNodeSize(node).height);
  }
  return { x: Math.round(left), y: Math.round(bottom + MERGE_GAP) };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The operations that add `imported` to `target`. `positions` are the imported boxes' places relative to each
 * other (`layoutImport`); without them the imported design's own layout is used. In `new` mode the target is
 * the blank design of a new workspace: the import's auth and API shape become the design's. In `merge` mode the
 * target's auth and API shape stay, and what the import would have changed there is listed as a clash.
 * Throws ImportError when the target has no room for the import (design limits).
 */
export function planImport(
  source: Design,
  target: Design,
  mode: ImportMode,
  positions?: Positions,
): ImportPlan {
  // The target's authentication stays: the import's own is taken out before anything is planned from it.
  const keepsAuth = mode === 'merge' && target.auth !== null && source.auth !== null;
  const imported = keepsAuth ? withoutAuth(source) : source;
  const newId = freshIds(target);
  const clashes: Clash[] = [];
  const operations: Operation[] = [];
  const highlight: string[] = [];

  // The imported layout moved to the free space (paste adds PASTE_STEP when nothing lies there: taken back).
  const origin = freeOrigin(target, mode);
  const at = positions ?? new Map(Object.entries(imported.layout.nodes));
  const placed = (id: string) => {
    const p = at.get(id);
    return p ? { x: origin.x + p.x - PASTE_STEP, y: origin.y + p.y - PASTE_STEP } : undefined;
  };

  const clip = copyNodes(
    imported,
    [...imported.entities, ...imported.enums].map((item) => item.id),
  );
  let ids: ReadonlyMap<string, string> = new Map();
  if (clip) {
    clip.layout = {};
    for (const item of [...clip.entities, ...clip.enums]) {
      const p = placed(item.id);
      if (p) clip.layout[item.id] = { ...imported.layout.nodes[item.id], ...p };
    }
    try {
      const paste = pasteOperations(target, clip, newId);
      operations.push(...paste.operations);
      ids = paste.ids;
    } catch (error) {
      if (error instanceof OperationError)
        throw new ImportError(error.message.replace('Pasting these boxes', 'This import'));
      throw error;
    }
    operations.push(...listNameClashes(imported, target, operations, ids, clashes));
    highlight.push(
      ...operations.flatMap((o) =>
        o.op === 'addEntity' || o.op === 'addEnum' || o.op === 'connect' ? [o.id] : [],
      ),
    );
  }

  // What paste leaves out: nested resources (after every relation exists) and per-resource shapes.
  for (const entity of imported.entities) {
    const entityId = ids.get(entity.id);
    if (!entityId) continue;
    const parent = entity.resource.parentRelationId;
    const parentRelationId = parent === undefined ? undefined : ids.get(parent);
    const shape = entity.resource.shape;
    if (parentRelationId || shape)
      operations.push({
        op: 'updateResource',
        entityId,
        patch: { ...(parentRelationId ? { parentRelationId } : {}), ...(shape ? { shape } : {}) },
      });
  }

  addEndpoints(imported, target, ids, newId, operations, highlight, clashes);
  const loose = placed(CUSTOM_ENDPOINTS_NODE_ID);
  if (
    loose &&
    target.layout.nodes[CUSTOM_ENDPOINTS_NODE_ID] === undefined &&
    imported.customEndpoints.some((c) => c.entityId === undefined)
  )
    operations.push({
      op: 'moveNode',
      id: CUSTOM_ENDPOINTS_NODE_ID,
      x: loose.x + PASTE_STEP,
      y: loose.y + PASTE_STEP,
    });

  // An importer's auth names its own fields, so it maps whole; anything else is left out rather than broken.
  const auth = imported.auth && mappedAuth(imported.auth, ids);
  if (auth) operations.push({ op: 'setAuth', auth });
  if (keepsAuth)
    clashes.push({
      kind: 'auth',
      name: 'auth',
      message:
        'The design already has authentication settings: they were kept, the imported ones left out. The ' +
        `imported ${source.entities.find((e) => e.id === source.auth?.userEntityId)?.name ?? 'user'} is an ordinary entity: what only the owner could do is open to signed-in users, and lists or links of the signed-in user were left out.`,
    });

  if (!sameJson(imported.api, target.api)) {
    if (mode === 'new') operations.push({ op: 'setApiShape', api: imported.api });
    else if (sameJson(target.api, defaultApiShape())) {
      // The design never chose a shape: the imported one (an API contract says how it looks) is taken, and said.
      operations.push({ op: 'setApiShape', api: imported.api });
      clashes.push({
        kind: 'api',
        name: 'API shape',
        message:
          'The design had the default API shape: it now has the imported one (naming, envelopes, paging, errors).',
      });
    } else
      clashes.push({
        kind: 'api',
        name: 'API shape',
        message:
          'The design already has an API shape of its own (naming, envelopes, paging, errors): it was kept, the imported one left out.',
      });
  }
  return dropClashingRoutes(target, { operations, highlight, clashes });
}

/**
 * A custom endpoint of the import whose method and path a route of the design already takes (`GET /tags` beside
 * the design's Tag list, `POST /articles/{slug}/favorite` beside a favorite action) is left out and listed: the
 * routes are only known once everything is placed, so the planned design is checked (only when the import adds
 * custom endpoints). The problem names the endpoint by its index, or in its message ("custom endpoint GET /x").
 */
function dropClashingRoutes(target: Design, plan: ImportPlan): ImportPlan {
  let current = plan;
  // Each pass drops what the last check named; a dropped endpoint cannot make a new clash, so two passes settle.
  for (let pass = 0; pass < 3; pass++) {
    const added = current.operations.flatMap((o) => (o.op === 'addCustomEndpoint' ? [o.endpoint] : []));
    if (added.length === 0) return current;
    const clashing = new Map<string, string>();
    for (const problem of validateDesign(applyOperations(target, current.operations))) {
      if (problem.code !== 'duplicate-route') continue;
      const index = /^customEndpoints\[(\d+)\]/.exec(problem.path)?.[1];
      const named = /custom endpoint (GET|POST|PUT|PATCH|DELETE) (\S+?)\.?$/.exec(problem.message);
      const endpoint =
        index !== undefined
          ? added[Number(index) - target.customEndpoints.length]
          : named
            ? added.find((c) => c.entityId === undefined && c.method === named[1] && c.path === named[2])
            : undefined;
      if (endpoint && !clashing.has(endpoint.id)) clashing.set(endpoint.id, problem.message);
    }
    if (clashing.size === 0) return current;
    for (const [id, message] of clashing) {
      const endpoint = added.find((c) => c.id === id)!;
      current.clashes.push({
        kind: 'endpoint',
        name: `${endpoint.method} ${endpoint.path}`,
        message: `${message} The imported custom endpoint was left out.`,
      });
    }
    const operations = current.operations.filter(
      (o) => o.op !== 'addCustomEndpoint' || !clashing.has(o.endpoint.id),
    );
    // The box of loose endpoints is placed only while one is left for it to show.
    const loose =
      target.customEndpoints.length > 0 ||
      operations.some((o) => o.op === 'addCustomEndpoint' && o.endpoint.entityId === undefined);
    current = {
      operations: loose
        ? operations
        : operations.filter((o) => o.op !== 'moveNode' || o.id !== CUSTOM_ENDPOINTS_NODE_ID),
      highlight: current.highlight.filter((id) => !clashing.has(id)),
      clashes: current.clashes,
    };
  }
  return current;
}
/**
 * The clashes paste resolved silently: renamed entities and enums, reused enums, table names and paths dropped.
 * Returns the operations that put back explicit table names paste dropped but the target does not use.
 */
function listNameClashes(
  imported: Design,
  target: Design,
  operations: readonly Operation[],
  ids: ReadonlyMap<string, string>,
  clashes: Clash[],
): Operation[] {
  const extra: Operation[] = [];
  const added = new Map(
    operations.flatMap((o) => (o.op === 'addEntity' || o.op === 'addEnum' ? [[o.id, o.name] as const] : [])),
  );
  const tables = new Set(
    operations.flatMap((o) => (o.op === 'updateEntity' && o.patch.tableName ? [o.entityId] : [])),
  );
  const paths = new Set(
    operations.flatMap((o) => (o.op === 'updateResource' && o.patch.path ? [o.entityId] : [])),
  );
  for (const designEnum of imported.enums) {
    const id = ids.get(designEnum.id);
    const name = id === undefined ? undefined : added.get(id);
    if (id !== undefined && name === undefined)
      clashes.push({
        kind: 'enum',
        name: designEnum.name,
        message: `The design already has an enum ${designEnum.name} with the same values: the import uses it.`,
      });
    else if (name !== undefined && name !== designEnum.name)
      clashes.push({
        kind: 'enum',
        name: designEnum.name,
        message: `The name ${designEnum.name} is taken: the imported enum is called ${name}.`,
      });
  }
  const targetTables = new Set(target.entities.map((e) => e.tableName ?? tableNameFor(e.name)));
  for (const entity of imported.entities) {
    const id = ids.get(entity.id);
    const name = id === undefined ? undefined : added.get(id);
    if (id === undefined || name === undefined) continue;
    if (name !== entity.name)
      clashes.push({
        kind: 'entity',
        name: entity.name,
        message: `The name ${entity.name} is taken: the imported entity is called ${name}.`,
      });
    const table = entity.tableName ?? tableNameFor(entity.name);
    const keeps = entity.tableName === undefined ? name === entity.name : tables.has(id);
    if (!keeps && targetTables.has(table))
      clashes.push({
        kind: 'table',
        name: table,
        message: `The table ${table} exists already: the imported ${name} gets the table ${tableNameFor(name)}.`,
      });
    else if (!keeps && entity.tableName !== undefined) {
      // Paste drops the table name of a renamed copy; an import keeps it wherever it is free.
      targetTables.add(entity.tableName);
      extra.push({ op: 'updateEntity', entityId: id, patch: { tableName: entity.tableName } });
    }
    if (entity.resource.path !== undefined && !paths.has(id))
      clashes.push({
        kind: 'path',
        name: entity.resource.path,
        message: `The path ${entity.resource.path} is taken: the imported ${name} is served at ${resourcePathFor(name)}.`,
      });
  }
  return extra;
}

/** Custom endpoints through the new ids; one of no entity whose method and path are taken is left out. */
function addEndpoints(
  imported: Design,
  target: Design,
  ids: ReadonlyMap<string, string>,
  newId: FreshIds,
  operations: Operation[],
  highlight: string[],
  clashes: Clash[],
): void {
  const taken = new Set(
    target.customEndpoints.filter((c) => c.entityId === undefined).map((c) => `${c.method} ${c.path}`),
  );
  for (const endpoint of imported.customEndpoints) {
    const entityId = endpoint.entityId === undefined ? undefined : ids.get(endpoint.entityId);
    if (endpoint.entityId !== undefined && entityId === undefined) continue;
    const key = `${endpoint.method} ${endpoint.path}`;
    if (entityId === undefined && taken.has(key)) {
      clashes.push({
        kind: 'endpoint',
        name: key,
        message: `The design already has a custom endpoint ${key}: the imported one was left out.`,
      });
      continue;
    }
    taken.add(key);
    const request = endpoint.request && ids.get(endpoint.request.entityId);
    const response = endpoint.response && ids.get(endpoint.response.entityId);
    const id = newId('cep');
    const { entityId: _owner, request: _in, response: _out, ...rest } = endpoint;
    operations.push({
      op: 'addCustomEndpoint',
      endpoint: {
        ...rest,
        id,
        ...(entityId ? { entityId } : {}),
        ...(request ? { request: { entityId: request } } : {}),
        ...(response && endpoint.response
          ? { response: { entityId: response, list: endpoint.response.list } }
          : {}),
      },
    });
    highlight.push(id);
  }
}

function mappedAuth(auth: Auth, ids: ReadonlyMap<string, string>): Auth | null {
  const { roleFieldId: role, ...rest } = auth;
  const userEntityId = ids.get(auth.userEntityId);
  const loginFieldId = ids.get(auth.loginFieldId);
  const passwordFieldId = ids.get(auth.passwordFieldId);
  const roleFieldId = role === undefined ? undefined : ids.get(role);
  if (!userEntityId || !loginFieldId || !passwordFieldId) return null;
  return { ...rest, userEntityId, loginFieldId, passwordFieldId, ...(roleFieldId ? { roleFieldId } : {}) };
}

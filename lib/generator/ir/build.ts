import { reservedQueryParams, resourceApiShape, styled, timestampApiNames } from '@/lib/design/api-shape';
import { otherEnd } from '@/lib/design/members';
import { kebabCase, resourcePathFor, snakeCase, tableNameFor } from '@/lib/design/names';
import { type Design, type Entity, PRIMARY_KEY_REF, type Relation } from '@/lib/design/schema';
import { patched } from '../patched';
import { toAccess } from './access';
import { actionOperations, planActions } from './actions';
import { resolveAuthApi } from './auth-api';
import { planComputed } from './computed';
import { buildCustomEndpoints } from './custom';
import { resolveDerives } from './derive';
import { toIrField } from './fields';
import {
  enumMemberNames,
  enumTypeNames,
  pluralVariable,
  RESERVED_MODULES,
  uniqueName,
  variableName,
} from './naming';
import { nestedPath, planNesting } from './nesting';
import { listScope, planLookupParam, projectOperations, resourceOperations } from './operations';
import { dependencyOrder } from './order';
import { planRelations } from './relations';
import type {
  IrAccess,
  IrComputed,
  IrCustomEndpoint,
  IrEntity,
  IrEnum,
  IrField,
  IrList,
  IrOwnerHop,
  IrOwnership,
  IrProject,
  IrRef,
  IrResource,
  IrView,
} from './types';
import { uniquesOf } from './uniques';
import { planValueLists } from './value-lists';
import { lookupVia, planViewerLists } from './viewer-lists';
import { embedViewOf, pickedView, planViews } from './views';

type Base = {
  id: string;
  className: string;
  tableName: string;
  module: string;
  entity: Entity;
};

/** Builds the IR of a design that `validateDesign` accepts (it assumes valid references). */
export function buildIr(design: Design, projectName?: string): IrProject {
  const modules = new Set(RESERVED_MODULES);
  const bases = new Map<string, Base>();
  for (const entity of design.entities) {
    const module = uniqueName(variableName(entity.name), modules);
    modules.add(module);
    bases.set(entity.id, {
      id: entity.id,
      className: entity.name,
      tableName: entity.tableName ?? tableNameFor(entity.name),
      module,
      entity,
    });
  }
  const relationsById = new Map(design.relations.map((r) => [r.id, r]));
  const owners = new Set<string>();
  for (const entity of design.entities) {
    if (entity.resource.ownerRelationId !== undefined) owners.add(entity.resource.ownerRelationId);
  }
  const plan = planRelations(design, bases, owners);
  const typeNames = enumTypeNames(
    design.enums.map((e) => e.name),
    [...[...bases.values()].map((b) => b.tableName), ...plan.associations.map((a) => a.table)],
  );
  const enums = new Map<string, IrEnum>();
  design.enums.forEach((item, i) => {
    const names = enumMemberNames(item.values);
    enums.set(item.id, {
      id: item.id,
      className: item.name,
      typeName: typeNames[i] as string,
      members: item.values.map((value, j) => ({ name: names[j] as string, value })),
      length: Math.max(1, ...item.values.map((v) => v.length)),
    });
  });
  const auth = design.auth;

  const edges = design.relations
    .filter((r) => r.kind !== 'many-to-many')
    .map((r) => ({ from: r.fromEntityId, to: r.toEntityId, key: r.id }));
  const { order, deferred } = dependencyOrder(
    design.entities.map((e) => e.id),
    edges,
  );

  const routeModules = new Set(RESERVED_MODULES);
  const entityById = new Map<string, IrEntity>();
  for (const entity of design.entities) {
    const base = bases.get(entity.id) as Base;
    const ops = entity.resource.operations;
    const createAccess = ops.create.enabled ? toAccess(ops.create.access) : null;
    const updateAccess = ops.update.enabled ? toAccess(ops.update.access) : null;
    const isUser = auth?.userEntityId === entity.id;
    const fields = entity.fields.map((field) =>
      toIrField(field, field.enumId === undefined ? undefined : enums.get(field.enumId), {
        isRole: isUser && auth?.roleFieldId === field.id,
        create: createAccess,
        update: updateAccess,
        naming: design.api.naming,
      }),
    );
    const fks = (plan.fks.get(entity.id) ?? []).map((fk) =>
      patched(fk, { deferred: deferred.has(fk.relationId) }),
    );
    const relationships = plan.relationships.get(entity.id) ?? [];
    const routeModule = uniqueName(snakeCase(base.tableName), routeModules);
    routeModules.add(routeModule);
    const cls = entity.name;
    const memberNames = [
      'id',
      ...(entity.timestamps ? ['created_at', 'updated_at'] : []),
      ...fields.map((f) => f.name),
      ...fks.map((f) => f.column),
      ...relationships.map((r) => r.attr),
    ];
    const ir: IrEntity = {
      id: entity.id,
      className: cls,
      varName: variableName(cls),
      pluralVar: pluralVariable(cls),
      module: base.module,
      tableName: base.tableName,
      description: entity.description,
      primaryKey: entity.primaryKey,
      timestamps: entity.timestamps,
      fields,
      fieldById: new Map(fields.map((f) => [f.id, f])),
      // Filled below once every entity exists (related rows of other entities).
      computed: [],
      fks,
      uniques: [],
      relationships,
      schemas: {
        base: `${cls}Base`,
        create: `${cls}Create`,
        update: `${cls}Update`,
        read: `${cls}Read`,
        detail: detailed(entity) ? `${cls}Detail` : null,
        list: `${cls}List`,
        public: hasPrivateFields(fields) ? `${cls}Public` : null,
        publicDetail: hasPrivateFields(fields) && detailed(entity) ? `${cls}PublicDetail` : null,
        views: [],
        embed: null,
      },
      // Filled below once every entity exists (refs point across entities).
      resource: undefined as unknown as IrResource,
      isUser,
      operations: [],
      actionOperations: [],
      memberNames,
      wire: new Map(),
    };
    ir.resource = {
      path: entity.resource.path ?? resourcePathFor(entity.name),
      parent: null,
      tag: kebabCase(base.tableName),
      module: routeModule,
      lookup: { field: null, param: `${ir.varName}_id` },
      list: null,
      get: null,
      create: createAccess,
      update: updateAccess,
      delete: null,
      embeds: [],
      owner: null,
      ownership: null,
      publicRows: null,
      links: [],
      valueLists: [],
      selfRefs: [],
      views: { list: 'full', get: 'full', create: 'full', update: 'full' },
      actions: [],
      shape: resourceApiShape(design.api, entity),
    };
    entityById.set(entity.id, ir);
  }
  const viewerFns = new Set<string>();
  for (const entity of design.entities) {
    const ir = entityById.get(entity.id) as IrEntity;
    ir.computed = planComputed(design, entity, ir, entityById, plan.associations);
    // One module holds every per-viewer function: `user_post` + `liked` and `user` + `post_liked` both differ.
    for (const c of ir.computed) {
      if (c.viewerFn === null) continue;
      c.viewerFn = uniqueName(c.viewerFn, viewerFns);
      viewerFns.add(c.viewerFn);
    }
    ir.memberNames.push(...ir.computed.map((c) => c.name));
    ir.schemas.views = planViews(entity, ir);
    ir.schemas.embed = embedViewOf(entity, ir.schemas.views);
  }

  const designById = new Map(design.entities.map((e) => [e.id, e]));
  const user = auth ? design.entities.find((e) => e.id === auth.userEntityId) : undefined;
  const mePath = auth && user ? resolveAuthApi(auth, design.api, { className: user.name }).mePath : null;
  for (const entity of design.entities) {
    const ir = entityById.get(entity.id) as IrEntity;
    ir.resource = buildResource(design, entity, ir, entityById, relationsById, designById, mePath);
    ir.wire = wireNames(design, ir);
    ir.resource.ownership = ownershipOf(entity, ir, relationsById, entityById);
    resolveCopies(entity, ir, entityById);
    resolveDerives(entity, ir);
    ir.uniques = uniquesOf(entity, ir);
    markSortIndexes(ir);
    const parent = ir.resource.parent ? (entityById.get(ir.resource.parent.parentId) as IrEntity) : null;
    ir.operations = resourceOperations(ir, parent);
  }
  for (const entity of design.entities) {
    const ir = entityById.get(entity.id) as IrEntity;
    ir.resource.actions = planActions(
      entity,
      ir,
      relationsById,
      entityById,
      plan.associations,
      auth?.userEntityId ?? null,
    );
    ir.actionOperations = actionOperations(ir, ir.operations, entityById);
  }

  let irAuth: IrProject['auth'] = null;
  if (auth) {
    const user = entityById.get(auth.userEntityId) as IrEntity;
    irAuth = {
      userId: user.id,
      login: user.fieldById.get(auth.loginFieldId) as IrProject['entities'][number]['fields'][number],
      password: user.fieldById.get(auth.passwordFieldId) as IrProject['entities'][number]['fields'][number],
      role: auth.roleFieldId === undefined ? null : (user.fieldById.get(auth.roleFieldId) ?? null),
      tokenLifetimeMinutes: auth.tokenLifetimeMinutes,
      registerSchema: `${user.className}Register`,
      api: resolveAuthApi(auth, design.api, { className: user.className }),
    };
  }

  const customEndpoints: IrCustomEndpoint[] = buildCustomEndpoints(design, entityById);
  const name = projectName ?? (design.name.trim() === '' ? 'Fastdraft API' : design.name);
  const entities = order.map((id) => entityById.get(id) as IrEntity);
  return {
    name,
    slug: kebabCase(name) || 'fastdraft-api',
    enums: [...enums.values()],
    entities,
    entityById,
    associations: plan.associations,
    auth: irAuth,
    errorFormat: design.api.errors,
    customEndpoints,
    operations: projectOperations({ auth: irAuth, entityById, entities, customEndpoints }),
  };
}

/**
 * Columns the list sorts by get an index (models, migrations and the schema snapshot read `indexed`), unless
 * unique: the unique constraint's index serves the sort already.
 */
function markSortIndexes(ir: IrEntity): void {
  const lists = [ir.resource.list, ...(ir.resource.viewerLists ?? []).map((v) => v.list)];
  const refs = lists.flatMap((list) =>
    list ? [...list.sorts, ...(list.defaultOrder ? [list.defaultOrder.ref] : [])] : [],
  );
  for (const ref of refs) {
    if (!ref.via && ref.field && !ref.field.unique) ref.field.indexed = true;
  }
}

function buildResource(
  design: Design,
  entity: Entity,
  ir: IrEntity,
  entityById: ReadonlyMap<string, IrEntity>,
  relationsById: ReadonlyMap<string, Relation>,
  designById: ReadonlyMap<string, Entity>,
  mePath: string | null,
): IrResource {
  const res = entity.resource;
  const ops = res.operations;
  // Through a one-to-one relation, the lookup field is one of the row's at the other end (a profile's username).
  const via = lookupVia(entity, ir, relationsById);
  const lookupOwner = via ? (entityById.get(via.targetId) as IrEntity) : ir;
  const lookupField =
    res.lookupFieldId === PRIMARY_KEY_REF ? null : (lookupOwner.fieldById.get(res.lookupFieldId) ?? null);
  const lookupParam = planLookupParam(ir, lookupField);
  const parent = planNesting(entity, ir, designById, entityById, lookupParam);
  const scope = listScope(toAccess(ops.list.access), design.api.paging);
  if (parent) scope.fixed(parent.param);
  const queries = new Set<string>(reservedQueryParams(design));
  const naming = design.api.naming;
  const ref = (
    fieldRef: { relationId?: string; fieldId: string; param?: string },
    forSort: boolean,
  ): IrRef => {
    let target = ir;
    let via: IrRef['via'] = null;
    const computed =
      forSort && fieldRef.relationId === undefined ? computedRef(ir, fieldRef.fieldId) : undefined;
    if (computed) return { param: computed.name, query: computed.api, via: null, field: null, computed };
    if (fieldRef.relationId !== undefined) {
      const relation = relationsById.get(fieldRef.relationId) as Relation;
      const targetId = otherEnd(relation, entity.id) as string;
      target = entityById.get(targetId) as IrEntity;
      const outgoing = relation.fromEntityId === entity.id;
      const attr = outgoing ? relation.fieldName : relation.backrefName;
      const rel = ir.relationships.find((r) => r.relationId === relation.id && r.attr === attr);
      const fkColumn = outgoing && relation.kind !== 'many-to-many' ? `${relation.fieldName}_id` : null;
      via = { attr, many: rel?.many ?? false, targetId, fkColumn };
    }
    const field =
      fieldRef.fieldId === PRIMARY_KEY_REF ? null : (target.fieldById.get(fieldRef.fieldId) ?? null);
    const fieldName = field ? field.name : 'id';
    const python = via ? `${via.attr}_${fieldName}` : fieldName;
    // Query names follow the naming style (a field's own API name when it has one), or the filter's `param`.
    const styledName = via ? styled(python, naming) : field ? field.api : styled('id', naming);
    if (forSort) return { param: python, query: styledName, via, field };
    const query = uniqueName(fieldRef.param ?? styledName, queries);
    queries.add(query);
    const pyName = /^[a-z_][a-z0-9_]*$/.test(query) ? query : snakeCase(query) || python;
    const param = scope.param(pyName, (q) => `${q}_filter`);
    return { param, query, via, field };
  };
  const sortKeys = new Set<string>();
  const sorts: IrRef[] = [];
  for (const s of ops.list.sortable) {
    const r = ref(s, true);
    if (sortKeys.has(r.query)) continue;
    sortKeys.add(r.query);
    sorts.push(r);
  }
  const embeds = res.embed.flatMap((relationId) => {
    const relation = relationsById.get(relationId) as Relation;
    const outgoing = relation.fromEntityId === entity.id;
    const attr = outgoing ? relation.fieldName : relation.backrefName;
    const rel = ir.relationships.find((r) => r.relationId === relationId && r.attr === attr);
    if (!rel) return [];
    // A per-relation embed view (`embedViews`) overrides the target's own embed view.
    const viewId = res.embedViews?.find((v) => v.relationId === relationId)?.viewId;
    const view = entityById.get(rel.targetId)?.schemas.views.find((v) => v.id === viewId);
    return [{ attr, targetId: rel.targetId, many: rel.many, ...(view ? { view: view.className } : {}) }];
  });
  const owner =
    res.ownerRelationId === undefined
      ? null
      : (ir.fks.find((fk) => fk.relationId === res.ownerRelationId) ?? null);
  const links = embeds.filter((embed) => {
    const rel = ir.relationships.find((r) => r.attr === embed.attr);
    return rel !== undefined && rel.secondary !== null && !rel.viewOnly;
  });
  const list = ops.list.enabled ? toAccess(ops.list.access) : null;
  const get = ops.get.enabled ? toAccess(ops.get.access) : null;
  // The list's settings, also when the list itself is off: viewer lists page, filter and sort the same way.
  const spec: IrList = {
    access: toAccess(ops.list.access),
    defaultPageSize: ops.list.defaultPageSize,
    maxPageSize: ops.list.maxPageSize,
    filters: ops.list.filters.map((f) => ref(f, false)),
    sorts,
    defaultOrder: ops.list.defaultOrder
      ? { ref: ref(ops.list.defaultOrder.field, true), direction: ops.list.defaultOrder.direction }
      : null,
  };
  const path = parent
    ? nestedPath(entity, entityById.get(parent.parentId) as IrEntity, parent)
    : ir.resource.path;
  const owned = res.ownerRelationId !== undefined || res.ownerPath !== undefined || ir.isUser;
  const ownerReads = [ops.list, ops.get].some((op) => op.enabled && op.access.kind === 'owner');
  const viewerLists = planViewerLists(
    entity,
    ir,
    spec,
    relationsById,
    entityById,
    mePath,
    path,
    owned && ownerReads,
  );
  return patched(ir.resource, {
    lookup: { field: lookupField, param: lookupParam, ...(via ? { via } : {}) },
    list: ops.list.enabled ? spec : null,
    get,
    delete: ops.delete.enabled ? toAccess(ops.delete.access) : null,
    embeds,
    owner,
    publicRows:
      res.publicRowsFieldId === undefined ? null : (ir.fieldById.get(res.publicRowsFieldId) ?? null),
    links: links.map((l) => ({ attr: l.attr, targetId: l.targetId })),
    valueLists: planValueLists(design, entity, ir, entityById),
    selfRefs: ir.fks.filter((fk) => fk.targetId === entity.id && fk.inUpdate),
    views: {
      list: pickedView(ir, ops.list.viewId, viewOf(list)),
      get: pickedView(ir, ops.get.viewId, viewOf(get)),
      // The creator sent the values themself (and owns the row when it has an owner).
      create: pickedView(ir, ops.create.viewId, 'full'),
      update: pickedView(ir, ops.update.viewId, viewOf(ir.resource.update)),
    },
    path,
    parent: parent ?? ir.resource.parent,
    ...(viewerLists.length > 0 ? { viewerLists } : {}),
  });
}

/** JSON keys of the schema attributes whose key differs from the Python name (see `IrEntity.wire`). */
function wireNames(design: Design, ir: IrEntity): Map<string, string> {
  const naming = design.api.naming;
  const stamps = timestampApiNames(design.api);
  const pairs: Array<[string, string]> = [
    ['id', styled('id', naming)],
    ...ir.fields.map((f): [string, string] => [f.name, f.api]),
    ...ir.fks.map((fk): [string, string] => [fk.column, styled(fk.column, naming)]),
    ...ir.resource.links.map((l): [string, string] => [l.attr, styled(l.attr, naming)]),
    ...ir.resource.embeds.map((e): [string, string] => [e.attr, styled(e.attr, naming)]),
    ...ir.resource.valueLists.map((v): [string, string] => [v.attr, v.key]),
    ...ir.computed.map((c): [string, string] => [c.name, c.api]),
    // The current password a user sends to change theirs (their own update body).
    ...(ir.isUser ? [['current_password', styled('current_password', naming)] as [string, string]] : []),
  ];
  if (ir.timestamps) pairs.push(['created_at', stamps.created], ['updated_at', stamps.updated]);
  return new Map(pairs.filter(([python, json]) => python !== json));
}

/** Responses of a resource that embeds relations or shows value lists have Detail schemas. */
function detailed(entity: Entity): boolean {
  return entity.resource.embed.length > 0 || (entity.resource.valueLists ?? []).length > 0;
}

/** A sortable computed field of the entity (viewer-independent: per-viewer values do not sort). */
function computedRef(ir: IrEntity, id: string): IrComputed | undefined {
  return ir.computed.find((c) => c.id === id && !c.perViewer);
}

function hasPrivateFields(fields: readonly IrField[]): boolean {
  return fields.some((f) => f.inRead && f.visibility === 'owner');
}

/** Owner-limited and role-limited operations answer with every field; the others with the public view. */
function viewOf(access: IrAccess | null): IrView {
  return access?.kind === 'public' || access?.kind === 'authenticated' ? 'public' : 'full';
}

/** `copyFrom` of each field as the FK column to follow and the source field's name. */
function resolveCopies(entity: Entity, ir: IrEntity, entityById: ReadonlyMap<string, IrEntity>): void {
  for (const field of entity.fields) {
    if (!field.copyFrom) continue;
    const { relationId, fieldId } = field.copyFrom;
    const fk = ir.fks.find((f) => f.relationId === relationId);
    const source = fk ? entityById.get(fk.targetId)?.fieldById.get(fieldId) : undefined;
    const target = ir.fieldById.get(field.id);
    if (!fk || !source || !target) continue;
    target.copyFrom = { column: fk.column, nullable: fk.nullable, targetId: fk.targetId, field: source.name };
  }
}

/** The owner path of an entity as FK hops (validated: to-one relations ending at the user). */
function ownershipOf(
  entity: Entity,
  ir: IrEntity,
  relationsById: ReadonlyMap<string, Relation>,
  entityById: ReadonlyMap<string, IrEntity>,
): IrOwnership | null {
  if (ir.isUser) return { hops: [] };
  const path =
    entity.resource.ownerPath ??
    (entity.resource.ownerRelationId === undefined ? undefined : [entity.resource.ownerRelationId]);
  if (path === undefined) return null;
  const hops: IrOwnerHop[] = [];
  let at = ir;
  for (const relationId of path) {
    const relation = relationsById.get(relationId) as Relation;
    const fk = at.fks.find((f) => f.relationId === relation.id);
    if (!fk) return null;
    hops.push({ attr: fk.attr, column: fk.column, targetId: fk.targetId });
    at = entityById.get(fk.targetId) as IrEntity;
  }
  return { hops };
}

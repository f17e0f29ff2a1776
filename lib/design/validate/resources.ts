import { otherEnd } from '../members';
import { resourcePathFor } from '../names';
import { CRUD_OPERATIONS, type Entity, type FieldRef, PRIMARY_KEY_REF, type Relation } from '../schema';
import { checkAccess } from './access';
import { type Context, fieldLabel } from './context';
import { checkEmbedViews, checkLookupRelation } from './lookups';
import { checkNesting, servedResourcePath } from './nesting';
import { checkOwnership, checkPrivateRefs, checkPublicWrites, checkUserWrites } from './ownership';
import { reservedRouteReason } from './routes';

const RESOURCE_PATH = /^(\/[A-Za-z0-9._~-]+)+$/;

export function effectiveResourcePath(entity: Entity): string {
  return entity.resource.path ?? resourcePathFor(entity.name);
}

/** True when `relation`, seen from `entityId`, leads to at most one row. */
function isSingle(relation: Relation, entityId: string): boolean {
  if (relation.kind === 'many-to-many') return false;
  return relation.fromEntityId === entityId || relation.kind === 'one-to-one';
}

/** Checks a filter/sort reference; `needsSingle` for sorting, which cannot follow a to-many relation. */
function checkRef(
  ctx: Context,
  entity: Entity,
  ref: FieldRef,
  path: string,
  use: string,
  needsSingle: boolean,
) {
  const { report } = ctx;
  let target: string | undefined = entity.id;
  if (ref.relationId !== undefined) {
    const relation = ctx.relations.get(ref.relationId);
    if (!relation)
      return report('unknown-relation', path, `A ${use} uses a relation that no longer exists.`, entity.id);
    target = otherEnd(relation, entity.id);
    if (target === undefined) {
      return report(
        'invalid-field-ref',
        path,
        `A ${use} uses relation '${relation.fieldName}', which does not involve '${entity.name}'.`,
        entity.id,
      );
    }
    if (needsSingle && !isSingle(relation, entity.id)) {
      return report(
        'invalid-field-ref',
        path,
        `Cannot ${use} by a field of a to-many relation ('${relation.fieldName}').`,
        entity.id,
      );
    }
  }
  if (ref.fieldId === PRIMARY_KEY_REF) return;
  // Computed fields of the entity itself are checked with them (checkComputed).
  if (ref.relationId === undefined && entity.computed?.some((c) => c.id === ref.fieldId)) return;
  const found = ctx.fields.get(ref.fieldId);
  if (!found) return report('unknown-field', path, `A ${use} uses a field that no longer exists.`, entity.id);
  if (found.entity.id !== target) {
    return report(
      'invalid-field-ref',
      path,
      `A ${use} uses ${fieldLabel(ctx, ref.fieldId)}, which is not reachable from '${entity.name}' this way.`,
      entity.id,
    );
  }
  if (found.field.type === 'password') {
    report(
      'password-exposed',
      path,
      `Cannot ${use} by ${fieldLabel(ctx, ref.fieldId)}: it is a password.`,
      entity.id,
    );
  }
}

function checkResource(ctx: Context, entity: Entity, path: string): void {
  const { report, design } = ctx;
  const { resource } = entity;
  const id = entity.id;
  if (resource.path !== undefined && !RESOURCE_PATH.test(resource.path)) {
    report(
      'invalid-path',
      `${path}.path`,
      `'${resource.path}' is not a valid path; use something like '/blog-posts'.`,
      id,
    );
  }
  if (resource.lookupRelationId !== undefined) checkLookupRelation(ctx, entity, path);
  else if (resource.lookupFieldId !== PRIMARY_KEY_REF) {
    const found = ctx.fields.get(resource.lookupFieldId);
    if (!found)
      report(
        'unknown-field',
        `${path}.lookupFieldId`,
        `The lookup field of '${entity.name}' no longer exists.`,
        id,
      );
    else if (found.entity.id !== id) {
      report(
        'invalid-field-ref',
        `${path}.lookupFieldId`,
        `The lookup field of '${entity.name}' must be one of its own fields.`,
        id,
      );
    } else if (found.field.type === 'password') {
      report(
        'password-exposed',
        `${path}.lookupFieldId`,
        `'${entity.name}' cannot be looked up by a password.`,
        id,
      );
    } else if (!found.field.unique) {
      report(
        'lookup-not-unique',
        `${path}.lookupFieldId`,
        `'${entity.name}' is looked up by '${found.field.name}', which is not unique. Mark it unique or use the id.`,
        id,
      );
    }
  }
  if (resource.ownerRelationId !== undefined) {
    const relation = ctx.relations.get(resource.ownerRelationId);
    const where = `${path}.ownerRelationId`;
    if (!relation)
      report('unknown-relation', where, `The owner relation of '${entity.name}' no longer exists.`, id);
    else if (relation.kind === 'many-to-many' || relation.fromEntityId !== id) {
      report(
        'invalid-owner-relation',
        where,
        `The owner relation of '${entity.name}' must be a many-to-one from '${entity.name}' to the user.`,
        id,
      );
    } else if (design.auth && relation.toEntityId !== design.auth.userEntityId) {
      report(
        'invalid-owner-relation',
        where,
        `The owner relation of '${entity.name}' must point to the user entity.`,
        id,
      );
    }
  }
  checkNesting(ctx, entity, path);
  const ownerOk = checkOwnership(ctx, entity, path);
  checkUserWrites(ctx, entity, path);
  checkPrivateRefs(ctx, entity, path);
  checkPublicWrites(ctx, entity, path);
  for (const name of CRUD_OPERATIONS) {
    const op = resource.operations[name];
    if (!op.enabled) continue;
    const opPath = `${path}.operations.${name}.access`;
    checkAccess(ctx, op.access, opPath, `'${name}' of '${entity.name}'`, id, ownerOk);
    if (name === 'create' && op.access.kind === 'public' && resource.ownerRelationId !== undefined) {
      report(
        'owner-on-public-create',
        opPath,
        `'create' of '${entity.name}' is public, but '${entity.name}' has an owner: the owner is set to the signed-in user, and a public request has none. Make 'create' require sign-in, or remove the owner relation.`,
        id,
      );
    }
    if (name === 'create' && op.access.kind === 'owner' && op.access.of !== 'parent') {
      report(
        'owner-on-create',
        opPath,
        `'create' of '${entity.name}' cannot be owner-only: nothing is owned yet. Use 'authenticated'.`,
        id,
      );
    }
  }
  const list = resource.operations.list;
  if (list.defaultPageSize > list.maxPageSize) {
    report(
      'page-size',
      `${path}.operations.list.defaultPageSize`,
      `'${entity.name}': the default page size ${list.defaultPageSize} is larger than the maximum ${list.maxPageSize}.`,
      id,
    );
  }
  const listPath = `${path}.operations.list`;
  list.filters.forEach((ref, k) => {
    checkRef(ctx, entity, ref, `${listPath}.filters[${k}]`, 'filter', false);
  });
  list.sortable.forEach((ref, k) => {
    checkRef(ctx, entity, ref, `${listPath}.sortable[${k}]`, 'sort', true);
  });
  if (list.defaultOrder)
    checkRef(ctx, entity, list.defaultOrder.field, `${listPath}.defaultOrder.field`, 'sort', true);
  checkEmbedViews(ctx, entity, path);
  resource.embed.forEach((relationId, k) => {
    const relation = ctx.relations.get(relationId);
    if (!relation)
      report(
        'unknown-relation',
        `${path}.embed[${k}]`,
        `'${entity.name}' embeds a relation that no longer exists.`,
        id,
      );
    else if (otherEnd(relation, id) === undefined) {
      report(
        'invalid-embed',
        `${path}.embed[${k}]`,
        `'${entity.name}' cannot embed '${relation.fieldName}': the relation does not involve it.`,
        id,
      );
    }
  });
}

const CRUD_ROUTES = [
  ['list', 'GET', ''],
  ['create', 'POST', ''],
  ['get', 'GET', '/{id}'],
  ['update', 'PATCH', '/{id}'],
  ['delete', 'DELETE', '/{id}'],
] as const;

/** The resource's CRUD routes against the app's fixed routes (`/health`, `/docs`, `/auth/...`); one problem. */
function checkReservedRoutes(ctx: Context, entity: Entity, path: string): void {
  if (entity.name === '' && entity.resource.path === undefined) return;
  const base = servedResourcePath(ctx, entity);
  for (const [name, method, suffix] of CRUD_ROUTES) {
    if (!entity.resource.operations[name].enabled) continue;
    const reason = reservedRouteReason(ctx.design, method, `${base}${suffix}`);
    if (reason) {
      ctx.report(
        'reserved-route',
        `${path}.path`,
        `'${entity.name}' cannot use the path '${base}': ${reason}. Set another resource path.`,
        entity.id,
      );
      return;
    }
  }
}

export function checkResources(ctx: Context): void {
  const paths = new Map<string, string>();
  ctx.design.entities.forEach((entity, i) => {
    const path = `entities[${i}].resource`;
    checkResource(ctx, entity, path);
    checkReservedRoutes(ctx, entity, path);
    const route = servedResourcePath(ctx, entity);
    const other = paths.get(route);
    if (other !== undefined && entity.name !== '') {
      ctx.report(
        'duplicate-route',
        `${path}.path`,
        `'${entity.name}' and '${other}' both use the path '${route}'.`,
        entity.id,
      );
    } else paths.set(route, entity.name);
  });
}

import {
  type AccessRule,
  CRUD_OPERATIONS,
  type CrudOperationName,
  type CustomEndpoint,
  type Design,
  type Entity,
  type HttpMethod,
  otherEnd,
  PRIMARY_KEY_REF,
  resourcePathFor,
  snakeCase,
} from '@/lib/design';

export type RouteView = {
  operation: CrudOperationName;
  method: HttpMethod;
  path: string;
  /** Access is not public. */
  locked: boolean;
  access: string;
};

const METHODS: Record<CrudOperationName, HttpMethod> = {
  list: 'GET',
  get: 'GET',
  create: 'POST',
  update: 'PATCH',
  delete: 'DELETE',
};

export function accessLabel(access: AccessRule): string {
  switch (access.kind) {
    case 'public':
      return access.viewer ? 'Public (knows the viewer)' : 'Public';
    case 'authenticated':
      return 'Signed-in users';
    case 'owner':
      return access.of === 'parent' ? "Parent's owner" : 'Owner only';
    case 'roles':
      return access.roles.length > 0 ? `Roles: ${access.roles.join(', ')}` : 'Roles (none chosen)';
  }
}

export function resourcePath(entity: Entity): string {
  return entity.resource.path ?? resourcePathFor(entity.name);
}

/** The item path's parameter: the lookup field, of the entity or (looked up through a relation) of the related row. */
export const lookupName = (entity: Entity, design?: Pick<Design, 'entities' | 'relations'>) => {
  const lookup = entity.resource.lookupFieldId;
  if (lookup === PRIMARY_KEY_REF) return 'id';
  const through = design?.relations.find((r) => r.id === entity.resource.lookupRelationId);
  const related = through && design?.entities.find((e) => e.id === otherEnd(through, entity.id));
  return (related ?? entity).fields.find((f) => f.id === lookup)?.name ?? PRIMARY_KEY_REF;
};

/**
 * The collection path, under the parent's item path when nested (`/articles/{slug}/comments`; the parent's
 * lookup is prefixed with its name when the child's has the same name, as the generator does).
 */
export function collectionPath(entity: Entity, design?: Pick<Design, 'entities' | 'relations'>): string {
  const own = resourcePath(entity);
  const relation = design?.relations.find((r) => r.id === entity.resource.parentRelationId);
  const parent = relation && design?.entities.find((e) => e.id === relation.toEntityId);
  if (!relation || !parent || relation.fromEntityId !== entity.id || parent.id === entity.id) return own;
  const name = lookupName(parent, design);
  let param = name === 'id' ? `${snakeCase(parent.name)}_id` : name;
  if (param === lookupName(entity, design)) param = `${snakeCase(parent.name)}_${param}`;
  return `${resourcePath(parent)}/{${param}}${own}`;
}

/** The path of one row: `/posts/{slug}` (nested under the parent's item path with `design`). */
export function itemPath(entity: Entity, design?: Pick<Design, 'entities' | 'relations'>): string {
  return `${collectionPath(entity, design)}/{${lookupName(entity, design)}}`;
}

/** The entity's enabled CRUD routes, e.g. `GET /posts`, `GET /posts/{slug}` (nested under the parent with `design`). */
export function entityRoutes(entity: Entity, design?: Pick<Design, 'entities' | 'relations'>): RouteView[] {
  const item = itemPath(entity, design);
  const base = collectionPath(entity, design);
  return CRUD_OPERATIONS.flatMap((operation) => {
    const settings = entity.resource.operations[operation];
    if (!settings.enabled) return [];
    return [
      {
        operation,
        method: METHODS[operation],
        path: operation === 'list' || operation === 'create' ? base : item,
        locked: settings.access.kind !== 'public',
        access: accessLabel(settings.access),
      },
    ];
  });
}

/** A hand-written endpoint as the canvas lists it, with its full path. */
export type CustomRouteView = {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  locked: boolean;
  access: string;
};

/** `entity` is the one the endpoint belongs to (its path is relative to that entity's resource path). */
export function customRoute(endpoint: CustomEndpoint, entity: Entity | undefined): CustomRouteView {
  return {
    id: endpoint.id,
    method: endpoint.method,
    path: entity ? `${resourcePath(entity)}${endpoint.path}` : endpoint.path,
    summary: endpoint.summary,
    locked: endpoint.access.kind !== 'public',
    access: accessLabel(endpoint.access),
  };
}

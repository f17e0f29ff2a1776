import {
  type AccessRule,
  CRUD_OPERATIONS,
  type CrudOperationName,
  type CustomEndpoint,
  type Entity,
  type HttpMethod,
  PRIMARY_KEY_REF,
  resourcePathFor,
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
      return 'Public';
    case 'authenticated':
      return 'Signed-in users';
    case 'owner':
      return 'Owner only';
    case 'roles':
      return access.roles.length > 0 ? `Roles: ${access.roles.join(', ')}` : 'Roles (none chosen)';
  }
}

export function resourcePath(entity: Entity): string {
  return entity.resource.path ?? resourcePathFor(entity.name);
}

/** The entity's enabled CRUD routes, e.g. `GET /posts`, `GET /posts/{slug}`. */
export function entityRoutes(entity: Entity): RouteView[] {
  const base = resourcePath(entity);
  const lookup = entity.resource.lookupFieldId;
  const param =
    lookup === PRIMARY_KEY_REF ? 'id' : (entity.fields.find((f) => f.id === lookup)?.name ?? PRIMARY_KEY_REF);
  const item = `${base}/{${param}}`;
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

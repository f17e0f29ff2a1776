import { type Design, type Entity, type HttpMethod, type ResourceAction, snakeCase } from '@/lib/design';
import { accessLabel, collectionPath, itemPath, lookupName } from './routes';

/** An action or viewer list of a resource as the canvas lists it with the box's endpoints. */
export type BehaviourRouteView = {
  id: string;
  kind: 'link' | 'set' | 'viewer-list';
  /** POST and DELETE for a link action. */
  methods: HttpMethod[];
  path: string;
  locked: boolean;
  access: string;
};

type RouteDesign = Pick<Design, 'entities' | 'relations' | 'auth'>;

/** The other end of a link action, whose lookup names the row in the path when the target is a row. */
function linkedEntity(
  action: Extract<ResourceAction, { kind: 'link' }>,
  entity: Entity,
  design: RouteDesign,
) {
  const relation = design.relations.find((r) => r.id === action.relationId);
  if (!relation) return undefined;
  const side = action.side ?? (relation.fromEntityId === entity.id ? 'field' : 'backref');
  return design.entities.find(
    (e) => e.id === (side === 'field' ? relation.toEntityId : relation.fromEntityId),
  );
}

export function actionRoute(action: ResourceAction, entity: Entity, design: RouteDesign): BehaviourRouteView {
  let path = `${itemPath(entity, design)}/${action.name}`;
  if (action.kind === 'link' && action.target === 'row') {
    const other = linkedEntity(action, entity, design);
    const name = other ? lookupName(other, design) : 'id';
    // Both lookups in one path: the other one takes its entity's name as a prefix, as nested paths do.
    path += `/{${name === lookupName(entity, design) ? `${snakeCase(other?.name ?? 'other')}_${name}` : name}}`;
  }
  return {
    id: action.id,
    kind: action.kind,
    methods: action.kind === 'link' ? ['POST', 'DELETE'] : [action.method],
    path,
    locked: action.access.kind !== 'public',
    access: accessLabel(action.access),
  };
}

/** The resource's actions (`POST /posts/{slug}/publish`) and viewer lists (`GET /posts/feed`, `GET /auth/me/orders`). */
export function behaviourRoutes(entity: Entity, design: RouteDesign): BehaviourRouteView[] {
  const actions = (entity.resource.actions ?? []).map((a) => actionRoute(a, entity, design));
  const lists = (entity.resource.viewerLists ?? []).map(
    (list): BehaviourRouteView => ({
      id: list.id,
      kind: 'viewer-list',
      methods: ['GET'],
      path:
        list.mount === 'me'
          ? `${design.auth?.api.mePath ?? '/me'}/${list.name}`
          : `${collectionPath(entity, design)}/${list.name}`,
      locked: true,
      access: 'Signed-in users (rows that reach the viewer)',
    }),
  );
  return [...actions, ...lists];
}

/** `POST and DELETE /users/{username}/follow`, for labels and titles. */
export const behaviourRouteLabel = (route: BehaviourRouteView) =>
  `${route.methods.join(' and ')} ${route.path}`;

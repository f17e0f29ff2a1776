import type { Entity, Relation, ResourceAction } from '../schema';
import { checkAccess } from './access';
import type { Context } from './context';
import { literalDefaultProblem } from './fields';
import { crudRoutes, servedResourcePath } from './nesting';
import { reservedRouteReason } from './routes';

/** A path segment of its own: letters, digits and `._~-` (no parameter, no slash). */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

type Route = { method: string; path: string; what: string };

const segments = (path: string) => path.split('/').filter((s) => s !== '');
const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** Two routes one request could match: same method, and every segment equal or a parameter on either side. */
function overlaps(a: Route, b: Route): boolean {
  if (a.method !== b.method) return false;
  const x = segments(a.path);
  const y = segments(b.path);
  return x.length === y.length && x.every((s, i) => s === y[i] || isParam(s) || isParam(y[i] as string));
}

const owns = (ctx: Context, entity: Entity) =>
  ctx.design.auth?.userEntityId === entity.id ||
  entity.resource.ownerRelationId !== undefined ||
  entity.resource.ownerPath !== undefined;

/** The routes an action serves: `POST` and `DELETE` for a link, its method for a set action. */
export function actionRoutes(ctx: Context, entity: Entity, action: ResourceAction): Route[] {
  const item = `${servedResourcePath(ctx, entity)}/{}/${action.name}`;
  const what = `the action '${action.name}' of '${entity.name}'`;
  if (action.kind === 'set') return [{ method: action.method, path: item, what }];
  const path = action.target === 'row' ? `${item}/{}` : item;
  return [
    { method: 'POST', path, what },
    { method: 'DELETE', path, what },
  ];
}

/** Every other route of the app an action could clash with: CRUD routes of every resource, custom endpoints. */
function otherRoutes(ctx: Context): Route[] {
  const routes: Route[] = [];
  for (const entity of ctx.design.entities) routes.push(...crudRoutes(ctx, entity));
  for (const endpoint of ctx.design.customEndpoints) {
    const entity = endpoint.entityId === undefined ? undefined : ctx.entities.get(endpoint.entityId);
    const path = entity ? `${servedResourcePath(ctx, entity)}${endpoint.path}` : endpoint.path;
    routes.push({ method: endpoint.method, path, what: `custom endpoint ${endpoint.method} ${path}` });
  }
  return routes;
}

/**
 * `Resource.actions`: names that are path segments of their own and clash with no other route, relations that
 * are many-to-many and touch the entity (with a `side` on self-relations), viewers that are the auth user, links
 * through entities that can be stored once per pair, set fields that exist and take the values given.
 */
export function checkActions(ctx: Context): void {
  const others = otherRoutes(ctx);
  const taken: Route[] = [];
  ctx.design.entities.forEach((entity, i) => {
    (entity.resource.actions ?? []).forEach((action, j) => {
      const path = `entities[${i}].resource.actions[${j}]`;
      const label = `Action '${action.name}' of '${entity.name}'`;
      const report = (code: Parameters<Context['report']>[0], at: string, message: string) =>
        ctx.report(code, at === '' ? path : `${path}.${at}`, message, entity.id);
      if (!SEGMENT.test(action.name)) {
        report(
          'invalid-name',
          'name',
          `${label}: the name is the path segment after the item (e.g. 'favorite', 'publish'): letters, digits and . _ ~ - only.`,
        );
      } else {
        for (const route of actionRoutes(ctx, entity, action)) {
          const reserved = reservedRouteReason(ctx.design, route.method, route.path);
          if (reserved)
            report('reserved-route', 'name', `${route.method} ${route.path} cannot be used: ${reserved}.`);
          const clash = [...others, ...taken].find((other) => overlaps(route, other));
          if (clash)
            report('duplicate-route', 'name', `${route.method} ${route.path} clashes with ${clash.what}.`);
          taken.push(route);
        }
      }
      checkAccess(ctx, action.access, `${path}.access`, label, entity.id, owns(ctx, entity));
      if (action.access.kind === 'owner' && action.access.of === 'parent') {
        report(
          'parent-owner-without-parent',
          'access',
          `${label}: "owner of the parent" applies to a nested resource's own operations, not to actions.`,
        );
      }
      if (action.viewId !== undefined) {
        const view = entity.views?.find((v) => v.id === action.viewId);
        const open = action.access.kind === 'public' || action.access.kind === 'authenticated';
        const hidden = entity.fields.find((f) => f.visibility === 'owner' && view?.fieldIds.includes(f.id));
        if (!view) report('unknown-view', 'viewId', `${label} answers with a view that no longer exists.`);
        else if (open && hidden)
          report(
            'private-field-in-view',
            'viewId',
            `${label} answers others through view '${view.name}', which shows the owner-only field '${hidden.name}'. Leave it out of the view or limit the action to the owner.`,
          );
      }
      if (action.kind === 'link') checkLink(ctx, entity, action, label, report);
      else checkSet(ctx, entity, action, label, report);
    });
  });
}

type Report = (code: Parameters<Context['report']>[0], at: string, message: string) => void;

function checkLink(
  ctx: Context,
  entity: Entity,
  action: Extract<ResourceAction, { kind: 'link' }>,
  label: string,
  report: Report,
): void {
  const relation = ctx.relations.get(action.relationId);
  if (!relation) {
    report('unknown-relation', 'relationId', `${label} links through a relation that no longer exists.`);
    return;
  }
  if (relation.kind !== 'many-to-many') {
    report(
      'invalid-action',
      'relationId',
      `${label}: links are rows of a many-to-many relation; this one is ${relation.kind}.`,
    );
    return;
  }
  const onFrom = relation.fromEntityId === entity.id;
  const onTo = relation.toEntityId === entity.id;
  if (!onFrom && !onTo) {
    report(
      'invalid-action',
      'relationId',
      `${label}: the relation '${relation.fieldName}' does not touch '${entity.name}'.`,
    );
    return;
  }
  if (onFrom && onTo && action.side === undefined) {
    report(
      'invalid-action',
      'side',
      `${label}: '${relation.fieldName}' relates '${entity.name}' to itself; say which end the row is on (field: it holds '${relation.fieldName}', backref: it is in the other's '${relation.fieldName}').`,
    );
    return;
  }
  if ((action.side === 'field' && !onFrom) || (action.side === 'backref' && !onTo)) {
    report(
      'invalid-action',
      'side',
      `${label}: '${entity.name}' is not on the ${action.side} end of '${relation.fieldName}'.`,
    );
    return;
  }
  const side = action.side ?? (onFrom ? 'field' : 'backref');
  const otherId = side === 'field' ? relation.toEntityId : relation.fromEntityId;
  if (action.target === 'viewer') {
    const auth = ctx.design.auth;
    if (!auth) {
      report(
        'viewer-without-auth',
        'target',
        `${label} links the signed-in user, but authentication is not set up.`,
      );
    } else if (otherId !== auth.userEntityId) {
      const other = ctx.entities.get(otherId)?.name ?? otherId;
      report(
        'invalid-action',
        'target',
        `${label} links the signed-in user, but the other end of '${relation.fieldName}' is '${other}', not the user entity.`,
      );
    }
    if (action.access.kind === 'public') {
      report('auth-required', 'access', `${label} links the signed-in user: it cannot be public.`);
    }
  }
  if (relation.throughEntityId !== undefined) checkThrough(ctx, relation, label, report);
}

/**
 * A link through an entity is one of its rows: nothing else of it may be required without a default, and a unique
 * constraint over its two relations keeps two adds at once from storing it twice.
 */
function checkThrough(ctx: Context, relation: Relation, label: string, report: Report): void {
  const through = ctx.entities.get(relation.throughEntityId as string);
  if (!through) return; // reported with the relation
  const required = through.fields.filter(
    (f) => !f.nullable && f.default === undefined && f.derive === undefined && f.copyFrom === undefined,
  );
  if (required.length > 0) {
    report(
      'invalid-action',
      'relationId',
      `${label}: a link is a new '${through.name}' row, but ${required.map((f) => `'${f.name}'`).join(', ')} would need a value. Make them nullable or give them a default.`,
    );
  }
  const links = ctx.design.relations.filter((r) => r.kind === 'many-to-one' && r.fromEntityId === through.id);
  // Paired as the generator pairs them (`planRelations`): the first to each end, two distinct ones.
  const left = links.find((l) => l.toEntityId === relation.fromEntityId);
  const right = links.find((l) => l.toEntityId === relation.toEntityId && l !== left);
  const pair = [left, right];
  const otherRequired = links.filter((l) => !pair.includes(l) && !l.nullable);
  if (otherRequired.length > 0) {
    report(
      'invalid-action',
      'relationId',
      `${label}: a link is a new '${through.name}' row, but its relation '${otherRequired[0]?.fieldName}' is required.`,
    );
  }
  const ids = pair.flatMap((l) => (l ? [l.id] : []));
  const unique = (through.uniques ?? []).some(
    (u) => u.members.length === ids.length && ids.every((id) => u.members.includes(id)),
  );
  if (ids.length === 2 && !unique) {
    report(
      'invalid-action',
      'relationId',
      `${label}: '${through.name}' needs a unique constraint over its two relations, so a link is stored once even when added twice at once.`,
    );
  }
}

function checkSet(
  ctx: Context,
  entity: Entity,
  action: Extract<ResourceAction, { kind: 'set' }>,
  label: string,
  report: Report,
): void {
  if (action.sets.length === 0)
    report('invalid-action', 'sets', `${label} sets nothing. Add a field to set.`);
  const seen = new Set<string>();
  action.sets.forEach((set, k) => {
    const at = `sets[${k}]`;
    if (seen.has(set.fieldId)) report('invalid-action', at, `${label} sets the same field twice.`);
    seen.add(set.fieldId);
    if (set.value.kind === 'viewer') {
      const relation = ctx.relations.get(set.fieldId);
      const auth = ctx.design.auth;
      if (!relation) {
        report(
          'unknown-relation',
          `${at}.fieldId`,
          `${label}: 'the signed-in user' is set into a relation to the user, and this one no longer exists.`,
        );
      } else if (
        relation.kind === 'many-to-many' ||
        relation.fromEntityId !== entity.id ||
        relation.toEntityId !== auth?.userEntityId
      ) {
        report(
          'invalid-action',
          `${at}.fieldId`,
          `${label}: 'the signed-in user' fits a many-to-one relation from '${entity.name}' to the user entity; '${relation.fieldName}' is not one.`,
        );
      }
      if (action.access.kind === 'public')
        report('auth-required', 'access', `${label} sets the signed-in user: it cannot be public.`);
      return;
    }
    const field = entity.fields.find((f) => f.id === set.fieldId);
    if (!field) {
      report('unknown-field', `${at}.fieldId`, `${label} sets a field that is not one of '${entity.name}'.`);
      return;
    }
    const name = `'${entity.name}.${field.name}'`;
    if (field.type === 'password') {
      report('invalid-action', `${at}.fieldId`, `${label}: ${name} is a password; an action cannot set it.`);
      return;
    }
    if (field.derive !== undefined || field.copyFrom !== undefined) {
      report(
        'invalid-action',
        `${at}.fieldId`,
        `${label}: ${name} is derived by the server; an action cannot set it.`,
      );
      return;
    }
    if (set.value.kind === 'now') {
      if (field.type !== 'date' && field.type !== 'datetime')
        report(
          'invalid-action',
          `${at}.value`,
          `${label}: 'now' only fits date and datetime fields; ${name} is ${field.type}.`,
        );
      return;
    }
    const enumDef = field.enumId === undefined ? undefined : ctx.enums.get(field.enumId);
    const problem = literalDefaultProblem(field, set.value.value, enumDef);
    if (problem)
      report(
        'invalid-action',
        `${at}.value`,
        `${label}: the value ${JSON.stringify(set.value.value)} for ${name} ${problem}.`,
      );
  });
}

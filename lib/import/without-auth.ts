import type { AccessRule, Design, Entity, ResourceAction } from '@/lib/design';
import { withoutComputed } from '@/lib/design/operations/computed-cleanup';

const signedIn = (rule: AccessRule): AccessRule => (rule.kind === 'owner' ? { kind: 'authenticated' } : rule);

/** A set action keeps what does not name the caller; a link of the caller goes (there is no caller entity). */
function actionWithoutViewer(action: ResourceAction): ResourceAction[] {
  const access = signedIn(action.access);
  if (action.kind === 'link') return action.target === 'viewer' ? [] : [{ ...action, access }];
  const sets = action.sets.filter((s) => s.value.kind !== 'viewer');
  return sets.length === 0 ? [] : [{ ...action, access, sets }];
}

function entityWithoutViewer(entity: Entity): Entity {
  const cleaned = withoutComputed(entity, (c) => c.kind === 'viewer-linked');
  const { ownerRelationId: _o, ownerPath: _p, viewerLists: _v, ...rest } = cleaned.resource;
  const ops = rest.operations;
  const actions = (rest.actions ?? []).flatMap(actionWithoutViewer);
  return {
    ...cleaned,
    resource: {
      ...rest,
      ...(rest.actions ? { actions } : {}),
      operations: {
        list: { ...ops.list, access: signedIn(ops.list.access) },
        get: { ...ops.get, access: signedIn(ops.get.access) },
        create: { ...ops.create, access: signedIn(ops.create.access) },
        update: { ...ops.update, access: signedIn(ops.update.access) },
        delete: { ...ops.delete, access: signedIn(ops.delete.access) },
      },
    },
  };
}

/**
 * The imported design without its own authentication, for a target that keeps its own: its user entity stays
 * an ordinary entity, so nothing can be "the caller's" any more. What was limited to the owner is open to
 * signed-in users, owner relations and paths are cleared, and what names the caller (lists of the caller's rows,
 * "linked to me" values, link-the-caller actions, fields set to the caller) is left out. Pure.
 */
export function withoutAuth(design: Design): Design {
  if (!design.auth) return design;
  return {
    ...design,
    auth: null,
    entities: design.entities.map(entityWithoutViewer),
    customEndpoints: design.customEndpoints.map((c) => ({ ...c, access: signedIn(c.access) })),
  };
}

import { applyOperation } from '../operations';
import type { Design } from '../schema';
import { createRng } from './random';

/**
 * Draws the nesting and view options of issue 16 onto a random design, from a generator of its own (the rest of
 * the design is drawn as before for the same seed): resources nested under the target of a required
 * many-to-one (one level), parent-owner deletes, public reads that know their viewer, and entity views used
 * for embeds and gets. Only options the design's validation accepts are drawn.
 */
export function drawShapeOptions(design: Design, seed: number): Design {
  const rng = createRng(seed * 7919 + 16);
  let out = design;
  const nested = new Set<string>();
  const parents = new Set<string>();
  const userId = design.auth?.userEntityId;
  const owned = (id: string) => {
    const e = out.entities.find((x) => x.id === id);
    return e !== undefined && (e.id === userId || e.resource.ownerRelationId !== undefined);
  };
  for (const relation of design.relations) {
    const from = relation.fromEntityId;
    const to = relation.toEntityId;
    if (relation.kind !== 'many-to-one' || relation.nullable || from === to || from === userId) continue;
    if (nested.has(from) || parents.has(from) || nested.has(to) || !rng.bool(0.4)) continue;
    nested.add(from);
    parents.add(to);
    const byParent = owned(to) && design.auth !== null && rng.bool(0.5);
    out = applyOperation(out, {
      op: 'updateResource',
      entityId: from,
      patch: {
        parentRelationId: relation.id,
        ...(byParent ? { operations: { delete: { access: { kind: 'owner', of: 'parent' } } } } : {}),
      },
    });
  }
  for (const entity of out.entities) {
    if (design.auth && entity.id !== userId && rng.bool(0.3)) {
      const viewer = { access: { kind: 'public' as const, viewer: true } };
      out = applyOperation(out, {
        op: 'updateResource',
        entityId: entity.id,
        patch: { operations: { list: viewer, get: viewer } },
      });
    }
    const shown = entity.fields.filter(
      (f) => f.visibility === 'public' && !f.writeOnly && f.type !== 'password',
    );
    if (shown.length === 0 || !rng.bool(0.35)) continue;
    const fieldIds = shown.filter(() => rng.bool(0.5)).map((f) => f.id);
    const viewId = `${entity.id}.card`;
    out = applyOperation(out, {
      op: 'updateEntity',
      entityId: entity.id,
      patch: {
        views: [{ id: viewId, name: 'Card', fieldIds }],
        ...(rng.bool(0.5) ? { embedViewId: viewId } : {}),
      },
    });
    if (rng.bool(0.6)) {
      out = applyOperation(out, {
        op: 'updateResource',
        entityId: entity.id,
        patch: { operations: { get: { viewId } } },
      });
    }
  }
  return out;
}

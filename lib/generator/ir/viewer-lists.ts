import { snakeCase } from '@/lib/design/names';
import type { Entity, Relation, RelationHop } from '@/lib/design/schema';
import { patched } from '../patched';
import type { IrEntity, IrList, IrLookupVia, IrView, IrViewerHop, IrViewerList } from './types';
import { pickedView } from './views';

/**
 * The relationship attribute a hop leaves `at` through (validated: the relation involves `at`; `side` names the
 * end of a self-relation). null when the relation or its attribute is missing.
 */
export function hopAttr(
  relation: Relation,
  side: RelationHop['side'],
  at: IrEntity,
): { attr: string; many: boolean; targetId: string; fkColumn: string | null } | null {
  const fromField = side === undefined ? relation.fromEntityId === at.id : side === 'field';
  const attr = fromField ? relation.fieldName : relation.backrefName;
  const rel = at.relationships.find((r) => r.relationId === relation.id && r.attr === attr);
  if (!rel) return null;
  const fk = fromField ? at.fks.find((f) => f.relationId === relation.id && f.attr === attr) : undefined;
  return { attr, many: rel.many, targetId: rel.targetId, fkColumn: fk ? fk.column : null };
}

/** A one-to-one lookup relation (`Resource.lookupRelationId`) as the attribute to follow, or null. */
export function lookupVia(
  entity: Entity,
  ir: IrEntity,
  relationsById: ReadonlyMap<string, Relation>,
): IrLookupVia | null {
  const id = entity.resource.lookupRelationId;
  const relation = id === undefined ? undefined : relationsById.get(id);
  if (relation?.kind !== 'one-to-one') return null;
  const hop = hopAttr(relation, undefined, ir);
  return hop ? { attr: hop.attr, targetId: hop.targetId } : null;
}

const handlerName = (ir: IrEntity, name: string) => {
  const own = snakeCase(name) || 'viewer';
  return own === ir.pluralVar ? `list_my_${ir.pluralVar}` : `list_${ir.pluralVar}_${own}`;
};

/**
 * The entity's viewer lists (validated: hops connected, the last one ending at the auth user): their paths,
 * handler names and hops, with the resource's list settings (`spec`: paging, filters, sorts, default order)
 * for signed-in callers (limited to their own rows when the resource's reads are owner-only: `ownerOnly`), and
 * their view: the picked one, else the public view (the rows are others').
 */
export function planViewerLists(
  entity: Entity,
  ir: IrEntity,
  spec: IrList,
  relationsById: ReadonlyMap<string, Relation>,
  entityById: ReadonlyMap<string, IrEntity>,
  mePath: string | null,
  resourcePath: string,
  ownerOnly: boolean,
): IrViewerList[] {
  return (entity.resource.viewerLists ?? []).flatMap((list): IrViewerList[] => {
    const hops: IrViewerHop[] = [];
    let at: IrEntity | undefined = ir;
    for (const hop of list.path) {
      const relation = relationsById.get(hop.relationId);
      const step = relation && at ? hopAttr(relation, hop.side, at) : null;
      if (!step) return [];
      hops.push(step);
      at = entityById.get(step.targetId);
    }
    if (hops.length === 0 || (list.mount === 'me' && mePath === null)) return [];
    const view: IrView = pickedView(ir, list.viewId, 'public');
    return [
      {
        id: list.id,
        name: list.name,
        mount: list.mount,
        path: `${list.mount === 'me' ? mePath : resourcePath}/${list.name}`,
        handler: handlerName(ir, list.name),
        hops,
        // Rows only their owner may read stay the caller's own: the path narrows, it never widens.
        list: patched(spec, { access: { kind: ownerOnly ? 'owner' : 'authenticated' } }),
        view,
        summary: list.summary?.trim() ? list.summary.trim() : null,
      },
    ];
  });
}

/** The page classes viewer lists need beyond the resource's own `<Entity>List`, each with its items' view. */
export function viewerPages(ir: IrEntity): { name: string; view: IrView }[] {
  if (ir.resource.shape.list.kind !== 'object') return [];
  const pages = new Map<string, IrView>();
  for (const op of ir.operations) {
    const list = ir.resource.viewerLists?.find((v) => v.id === op.viewerListId);
    if (op.kind !== 'viewer_list' || !list || !op.response) continue;
    if (ir.resource.list && op.response.name === ir.schemas.list) continue;
    pages.set(op.response.name, list.view);
  }
  return [...pages].map(([name, view]) => ({ name, view }));
}

import {
  type ComputedField,
  type Entity,
  type EntityView,
  PRIMARY_KEY_REF,
  type RelationHop,
  type Resource,
  type UniqueConstraint,
  type ValueList,
  type ViewerList,
} from '../schema';
import { copiedActions } from './actions-cleanup';
import { withoutUndefined } from './helpers';

/**
 * The behaviour blocks of a copied entity (paste and `duplicateEntity` alike), read through `ids` (old id -> new
 * id of everything that came along). Each block gets a fresh id from `freshId`; a block naming something that did
 * not come along is dropped, so a copy never reuses an id nor points at what stayed behind.
 */
export type FreshId = (kind: 'cmp' | 'uq' | 'act' | 'vwl', oldId: string) => string;

/** Computed fields whose relation (and the fields they read) came along; their new ids go into `ids`. */
export function copiedComputed(entity: Entity, ids: Map<string, string>, freshId: FreshId): ComputedField[] {
  return (entity.computed ?? []).flatMap((c) => {
    const relationId = ids.get(c.relationId);
    const fieldId = c.fieldId === undefined ? undefined : ids.get(c.fieldId);
    const whereField = c.where === undefined ? undefined : ids.get(c.where.fieldId);
    if (!relationId || (c.fieldId !== undefined && !fieldId) || (c.where && !whereField)) return [];
    const id = freshId('cmp', c.id);
    // Computed ids stand where field ids do (views, sorts), so the copy's views and sorts map through them.
    ids.set(c.id, id);
    return [
      withoutUndefined({
        ...c,
        id,
        relationId,
        fieldId,
        where: c.where && whereField ? { ...c.where, fieldId: whereField } : undefined,
      }),
    ];
  });
}

/** Views keep their (entity-local) ids with the fields that came along. */
export function copiedViews(entity: Entity, ids: ReadonlyMap<string, string>): EntityView[] | undefined {
  return entity.views?.map((v) => ({ ...v, fieldIds: v.fieldIds.flatMap((id) => ids.get(id) ?? []) }));
}

/** Composite uniques over the columns that came along, two or more. */
export function copiedUniques(
  entity: Entity,
  ids: ReadonlyMap<string, string>,
  freshId: FreshId,
): UniqueConstraint[] | undefined {
  const uniques = (entity.uniques ?? [])
    .map((u) => ({ id: u.id, members: u.members.flatMap((m) => ids.get(m) ?? []) }))
    .filter((u) => u.members.length >= 2)
    .map((u) => ({ ...u, id: freshId('uq', u.id) }));
  return uniques.length > 0 ? uniques : undefined;
}

const hops = (path: readonly RelationHop[], ids: ReadonlyMap<string, string>): RelationHop[] | null => {
  const mapped = path.map((hop) => {
    const relationId = ids.get(hop.relationId);
    return relationId ? { ...hop, relationId } : null;
  });
  return mapped.every((hop) => hop !== null) ? (mapped as RelationHop[]) : null;
};

type ResourceBlocks = Pick<
  Resource,
  'lookupRelationId' | 'embedViews' | 'valueLists' | 'actions' | 'viewerLists'
> & { lookupFieldId?: string };

/**
 * The resource blocks of a copy: `lookupRelationId` (with its lookup field of the related entity), `embedViews`,
 * `valueLists`, `actions` and `viewerLists`. `views` tells which entity views the copy has (its own answer views).
 */
export function copiedResourceBlocks(
  entity: Entity,
  ids: ReadonlyMap<string, string>,
  freshId: FreshId,
  views: ReadonlySet<string>,
): ResourceBlocks {
  const { resource } = entity;
  const viewId = (id: string | undefined) => (id !== undefined && views.has(id) ? id : undefined);
  const lookupRelationId =
    resource.lookupRelationId === undefined ? undefined : ids.get(resource.lookupRelationId);
  const embedViews = (resource.embedViews ?? []).flatMap((e) => {
    const relationId = ids.get(e.relationId);
    return relationId ? [{ relationId, viewId: e.viewId }] : [];
  });
  const valueLists = (resource.valueLists ?? []).flatMap((v): ValueList[] => {
    const relationId = ids.get(v.relationId);
    const fieldId = ids.get(v.fieldId);
    return relationId && fieldId ? [{ ...v, relationId, fieldId }] : [];
  });
  const actions = copiedActions(resource.actions, ids, (old) => freshId('act', old), views);
  const viewerLists = (resource.viewerLists ?? []).flatMap((l): ViewerList[] => {
    const path = hops(l.path, ids);
    return path ? [withoutUndefined({ ...l, id: freshId('vwl', l.id), path, viewId: viewId(l.viewId) })] : [];
  });
  return withoutUndefined({
    lookupRelationId,
    // The lookup field belongs to the related entity: it travels with the relation or not at all.
    lookupFieldId:
      lookupRelationId === undefined
        ? undefined
        : resource.lookupFieldId === PRIMARY_KEY_REF
          ? PRIMARY_KEY_REF
          : ids.get(resource.lookupFieldId),
    embedViews: embedViews.length > 0 ? embedViews : undefined,
    valueLists: valueLists.length > 0 ? valueLists : undefined,
    actions,
    viewerLists: viewerLists.length > 0 ? viewerLists : undefined,
  });
}

import { resourcePathFor } from '@/lib/design/names';
import { type Entity, PRIMARY_KEY_REF } from '@/lib/design/schema';
import { handlerScope } from './operations';
import type { HandlerKind } from './scope';
import type { IrEntity, IrNesting } from './types';

const KINDS: readonly HandlerKind[] = ['list', 'get', 'create', 'update', 'delete'];

/**
 * The parent of a resource nested through `parentRelationId` (validated: a many-to-one FK of this entity to an
 * entity that is not nested itself). The parent's lookup becomes a path parameter of every child handler: its
 * name must be free in all of them (locals, fixed parameters, the child's own lookup), else it is prefixed with
 * the parent's name (`article_slug` when the comments are looked up by `slug` too). The FK leaves the bodies:
 * it comes from the path.
 */
export function planNesting(
  entity: Entity,
  ir: IrEntity,
  designById: ReadonlyMap<string, Entity>,
  entityById: ReadonlyMap<string, IrEntity>,
  childLookup: string,
): IrNesting | null {
  const relationId = entity.resource.parentRelationId;
  if (relationId === undefined) return null;
  const fk = ir.fks.find((f) => f.relationId === relationId && f.targetId !== ir.id);
  const parent = fk ? entityById.get(fk.targetId) : undefined;
  const parentDesign = fk ? designById.get(fk.targetId) : undefined;
  if (!fk || !parent || !parentDesign || parentDesign.resource.parentRelationId !== undefined) return null;
  const lookupId = parentDesign.resource.lookupFieldId;
  // A parent looked up through a relation names a field of another entity (field ids are unique in a design).
  const owner = [...entityById.values()].find((e) => e.fieldById.has(lookupId));
  const field = lookupId === PRIMARY_KEY_REF ? null : (owner?.fieldById.get(lookupId) ?? null);
  const wanted = field ? field.name : `${parent.varName}_id`;
  const scopes = KINDS.map((kind) => {
    const scope = handlerScope(kind, { kind: 'authenticated' }, kind === 'create' || kind === 'update');
    if (kind === 'list') for (const name of ['limit', 'offset', 'sort']) scope.fixed(name);
    scope.fixed(childLookup);
    return scope;
  });
  const taken = (name: string) => scopes.some((s) => s.has(name));
  let param = taken(wanted) ? `${parent.varName}_${wanted}` : wanted;
  for (let n = 2; taken(param); n++) param = `${parent.varName}_${wanted}_${n}`;
  fk.inCreate = false;
  fk.inUpdate = false;
  return { parentId: parent.id, fk, field, param };
}

/** The router prefix of a nested resource: the parent's item path, then the child's own segment. */
export function nestedPath(entity: Entity, parent: IrEntity, nesting: IrNesting): string {
  return `${parent.resource.path}/{${nesting.param}}${entity.resource.path ?? resourcePathFor(entity.name)}`;
}

import type { IrEntity, IrField, IrOperation, IrResource, IrViewerHop } from '../ir/types';

/** The router of the lists served under the me path (no resource prefix). */
export const ME_ROUTER = 'me_router';

/**
 * "The row reaches `user` along `hops`" as one SQL condition: nested EXISTS (`has` / `any`) through each
 * relation, the last step compared by the FK column when the row holds it (`Order.owner_id == user.id`).
 * EXISTS never repeats a row, however many paths lead to the user.
 */
export function viewerCondition(
  root: string,
  hops: readonly IrViewerHop[],
  model: (entityId: string) => string,
  user: string,
): string {
  const step = (from: string, i: number): string => {
    const hop = hops[i] as IrViewerHop;
    if (i === hops.length - 1 && hop.fkColumn) return `${from}.${hop.fkColumn} == ${user}.id`;
    const target = model(hop.targetId);
    const inner = i === hops.length - 1 ? `${target}.id == ${user}.id` : step(target, i + 1);
    return `${from}.${hop.attr}.${hop.many ? 'any' : 'has'}(${inner})`;
  };
  return step(root, 0);
}

/** The item path's condition: the lookup column, or through a one-to-one relation the related row's field. */
export function lookupCondition(
  entity: IrEntity,
  modelName: string,
  model: (entityId: string) => string,
  value: string,
): string {
  const lookup: IrResource['lookup'] = entity.resource.lookup;
  const column = (field: IrField | null) => (field ? field.name : 'id');
  if (!lookup.via) return `${modelName}.${column(lookup.field)} == ${value}`;
  const target = model(lookup.via.targetId);
  return `${modelName}.${lookup.via.attr}.has(${target}.${column(lookup.field)} == ${value})`;
}

/** Whether an operation is a viewer list served on the me router. */
export function onMeRouter(entity: IrEntity, op: IrOperation): boolean {
  if (op.kind !== 'viewer_list') return false;
  return entity.resource.viewerLists?.find((v) => v.id === op.viewerListId)?.mount === 'me';
}

export function viewerListOf(entity: IrEntity, op: IrOperation) {
  const found = entity.resource.viewerLists?.find((v) => v.id === op.viewerListId);
  if (!found) throw new Error(`no viewer list for ${op.handler}`);
  return found;
}

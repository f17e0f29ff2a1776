import type { IrEntity } from '../../ir/types';

/**
 * The attribute path of a row's lookup value in the tests: its lookup column, or through a one-to-one
 * relation the related row's field (`user.username`; the factories load that relation with the row).
 */
export function lookupAttr(entity: IrEntity): string {
  const { lookup } = entity.resource;
  const column = lookup.field ? lookup.field.name : 'id';
  return lookup.via ? `${lookup.via.attr}.${column}` : column;
}

import { associationTableFor } from '@/lib/design/names';
import type { Design, Relation } from '@/lib/design/schema';

/** Same rule as lib/design's validator: explicit name, else `<from table>_<field name>`. */
export function effectiveAssociationTable(
  _design: Design,
  relation: Relation,
  entities: ReadonlyMap<string, { tableName: string }>,
): string | undefined {
  if (relation.kind !== 'many-to-many' || relation.throughEntityId !== undefined) return undefined;
  if (relation.associationTable !== undefined) return relation.associationTable;
  const from = entities.get(relation.fromEntityId);
  return from ? associationTableFor(from.tableName, relation.fieldName) : undefined;
}

import type { Entity } from '@/lib/design/schema';
import { shortHash } from '../hash';
import type { IrEntity, IrUnique } from './types';

/** PostgreSQL keeps 63 characters of a name: longer ones end in a hash of the whole. */
const MAX_NAME = 63;

/** `uq_<table>_<col>_<col>...`, the name the models, migrations and 409 answers share. */
export function compositeUniqueName(table: string, columns: readonly string[]): string {
  const name = `uq_${table}_${columns.join('_')}`;
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 9)}_${shortHash(name)}`;
}

/**
 * `Entity.uniques` as columns: a field's own column, a relation's foreign key column. The JSON names are what
 * a 409 names (the body keys the client sent). Constraints with unresolved members are left out (validated).
 */
export function uniquesOf(entity: Entity, ir: IrEntity): IrUnique[] {
  return (entity.uniques ?? []).flatMap((unique) => {
    const columns: string[] = [];
    for (const id of unique.members) {
      const column = ir.fieldById.get(id)?.name ?? ir.fks.find((fk) => fk.relationId === id)?.column;
      if (column === undefined) return [];
      columns.push(column);
    }
    if (new Set(columns).size < 2) return [];
    return [
      {
        id: unique.id,
        name: compositeUniqueName(ir.tableName, columns),
        columns,
        fields: columns.map((c) => ir.wire.get(c) ?? c),
      },
    ];
  });
}

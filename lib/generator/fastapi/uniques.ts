import type { IrEntity } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/** Composite unique constraints: the model's `__table_args__` and the initial migration's table items. */

/** `__table_args__ = (UniqueConstraint(...),)` lines of a model, or none. */
export function tableArgsLines(entity: IrEntity, imports: Imports): string[] {
  if (entity.uniques.length === 0) return [];
  const cls = imports.from('sqlalchemy', 'UniqueConstraint');
  const items = entity.uniques.map(
    (u) => `${cls}(${[...u.columns.map(pyStr), `name=${pyStr(u.name)}`].join(', ')}),`,
  );
  return ['__table_args__ = (', ...items.map((i) => `    ${i}`), ')'];
}

/** `sa.UniqueConstraint(...)` items of `op.create_table` for the initial migration. */
export function migrationUniqueItems(entity: IrEntity): string[] {
  return entity.uniques.map(
    (u) => `sa.UniqueConstraint(${[...u.columns.map(pyStr), `name=op.f(${pyStr(u.name)})`].join(', ')})`,
  );
}

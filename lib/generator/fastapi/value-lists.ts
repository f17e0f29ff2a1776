import type { IrEntity, IrProject, IrValueList } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';
import { aliasedAttr, aliasKw, wireName } from './envelopes';
import { constraintArgs, LINKS_MAX } from './schemas';
import { pyValueType } from './types';

/**
 * Many-to-many relations as lists of one field's values (`tagList: ["dragons", "training"]`): the response
 * attributes (the loaded rows turned into their sorted values), the body attributes (values with the target
 * field's constraints, at most LINKS_MAX), the eager loads and the get-or-create writes of the handlers.
 */

type Mode = 'create' | 'update' | 'replace';

/** Python module of the get-or-create helper (emitted when a value list is written). */
export const VALUE_LISTS_MODULE = 'app.api.value_lists';

export const writableLists = (entity: IrEntity): IrValueList[] =>
  entity.resource.valueLists.filter((v) => v.writable);

/** The type of one value in a body: the target field's type with its constraints. */
function itemType(list: IrValueList, imports: Imports): string {
  const type = pyValueType(list.field, imports, 'input');
  const args = constraintArgs(list.field)
    .filter(([key, value]) => key !== 'description' && key !== 'examples' && value)
    .map(([key, value]) => `${key}=${value}`);
  if (args.length === 0) return type;
  return `${imports.from('typing', 'Annotated')}[${type}, ${imports.from('pydantic', 'Field')}(${args.join(', ')})]`;
}

/**
 * A body attribute: optional in a create (empty), absent in a PATCH leaves the links unchanged (null is refused
 * with the other non-nullable ones), and a PUT replaces the whole object, so a missing list empties it.
 */
export function valueListInput(entity: IrEntity, list: IrValueList, imports: Imports, mode: Mode): string {
  const field = imports.from('pydantic', 'Field');
  const alias = aliasKw(entity, list.attr);
  const named = alias === undefined ? '' : `, alias=${alias}`;
  const type = `list[${itemType(list, imports)}]`;
  return mode === 'update'
    ? `${list.attr}: ${type} | None = ${field}(default=None${named}, max_length=${LINKS_MAX})`
    : `${list.attr}: ${type} = ${field}(default_factory=list${named}, max_length=${LINKS_MAX})`;
}

/** Response attributes of a Detail schema: each read from the loaded relationship as its values, sorted. */
export function valueListAttrs(entity: IrEntity, imports: Imports): string[] {
  const lists = entity.resource.valueLists;
  if (lists.length === 0) return [];
  const any = () => imports.from('typing', 'Any');
  const attrs = lists.map((v) => aliasedAttr(v.attr, 'list[str]', wireName(entity, v.attr), imports));
  const validators = lists.flatMap((v) => [
    '',
    `@${imports.from('pydantic', 'field_validator')}(${pyStr(v.attr)}, mode="before")`,
    '@classmethod',
    `def values_of_${v.attr}(cls, rows: ${any()}) -> ${any()}:`,
    '    """The related rows\' values, sorted by code point (as on every database)."""',
    `    return sorted(getattr(row, ${pyStr(v.field.name)}, row) for row in rows)`,
  ]);
  return [...attrs, ...validators];
}

/** `selectinload` options of the value lists: one statement each per page or row, whatever the page size. */
export function valueListLoads(entity: IrEntity, model: string, imports: Imports): string[] {
  return entity.resource.valueLists.map(
    (v) => `${imports.from('sqlalchemy.orm', 'selectinload')}(${model}.${v.attr})`,
  );
}

/**
 * Handler lines that take the lists out of `data` and set the relationships from them: the related rows found by
 * their value or created (`get_or_create`). On update an absent list (None) leaves the links as they are.
 */
export function valueListWrites(
  entity: IrEntity,
  project: IrProject,
  imports: Imports,
  row: string,
  data: string,
  mode: 'create' | 'update',
): { pops: string[]; writes: string[] } {
  const lists = writableLists(entity);
  const pops = lists.map((v) => `${data}.pop(${pyStr(v.attr)}, None)`);
  const writes = lists.flatMap((v) => {
    const target = project.entityById.get(v.targetId) as IrEntity;
    const model = imports.from(`app.models.${target.module}`, target.className);
    const value = `body.${v.attr}`;
    const call = `${row}.${v.attr} = await ${imports.from(VALUE_LISTS_MODULE, 'get_or_create')}(session, ${model}, ${model}.${v.field.name}, ${value})`;
    return mode === 'update' ? [`if ${value} is not None:`, `    ${call}`] : [call];
  });
  return { pops, writes };
}

/** `app/api/value_lists.py`, or null when no resource writes a value list. */
export function emitValueListHelper(project: IrProject): string | null {
  if (!project.entities.some((e) => writableLists(e).length > 0)) return null;
  return VALUE_LISTS_SOURCE;
}

const VALUE_LISTS_SOURCE = `"""Many-to-many relations written as lists of values: rows found by value or created."""

from collections.abc import Iterable
from typing import Any, TypeVar

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.db import Base

RowT = TypeVar("RowT", bound=Base)


async def get_or_create(
    session: AsyncSession,
    model: type[RowT],
    column: InstrumentedAttribute[str],
    values: Iterable[str],
) -> list[RowT]:
    """The rows of \`model\` whose \`column\` holds one of \`values\` (duplicates collapse).

    Three statements at most, whatever the number of values: a SELECT, one INSERT of the
    missing values and a SELECT of those. A value another request inserts meanwhile is
    skipped by the INSERT (ON CONFLICT DO NOTHING) and found by the second SELECT.
    """
    wanted = set(values)
    if not wanted:
        return []
    key = column.key
    found: dict[Any, RowT] = {}
    existing = await session.execute(select(model).where(column.in_(wanted)))
    found.update((getattr(row, key), row) for row in existing.scalars())
    missing = sorted(wanted - found.keys())
    if missing:
        rows = [{key: value} for value in missing]
        if session.get_bind().dialect.name == "postgresql":
            await session.execute(
                postgresql.insert(model).values(rows).on_conflict_do_nothing()
            )
        else:
            await session.execute(sqlite.insert(model).values(rows).on_conflict_do_nothing())
        created = await session.execute(select(model).where(column.in_(missing)))
        found.update((getattr(row, key), row) for row in created.scalars())
    if len(found) < len(wanted):
        # The INSERT skipped a value for another unique column of the related rows.
        raise HTTPException(status_code=409, detail="A related row could not be created")
    return [found[value] for value in sorted(wanted)]
`;

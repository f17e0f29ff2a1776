import { derivedInOrder } from '../ir/derive';
import type { IrEntity, IrField, IrProject } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/**
 * Values the server sets in a create or update, whatever the body says (it cannot say anything: they are not
 * in the input schemas): copies from the row a foreign key names (`copyFrom`), then values derived from other
 * fields of the row (`derive`), both written into the `data` dict the handler stores.
 */

export type ServerSetCtx = { entity: IrEntity; project: IrProject; imports: Imports; model: string };

/** Names in the handler: the (unwrapped) body, the dict of values to store, the row being updated (null: create). */
export type ServerSetNames = { body: string; data: string; row: string | null };

function modelOf(ctx: ServerSetCtx, id: string): string {
  const target = ctx.project.entityById.get(id) as IrEntity;
  return ctx.imports.from(`app.models.${target.module}`, target.className);
}

/** Every server-set value of a create (`row` null) or an update, copies first (a derive may read one). */
export function serverSetLines(ctx: ServerSetCtx, names: ServerSetNames): string[] {
  return [
    ...copyLines(ctx, names.data, names.row === null ? 'create' : 'update'),
    ...deriveLines(ctx, names),
  ];
}

/** Whether the routes derive a slug (the project then gets `app/api/derived.py` and `invalid`). */
export function derivesSlugs(project: IrProject): boolean {
  return project.entities.some((e) => e.fields.some((f) => f.derive?.kind === 'slug'));
}

/**
 * Server-set copies (an order line's unit price from its product): taken from the row the FK names, on
 * create and whenever the body changes the FK. The reference check before it found the row.
 */
function copyLines(ctx: ServerSetCtx, data: string, mode: 'create' | 'update'): string[] {
  const select = () => ctx.imports.from('sqlalchemy', 'select');
  return ctx.entity.fields.flatMap((field) => {
    const copy = field.copyFrom;
    if (!copy) return [];
    const source = modelOf(ctx, copy.targetId);
    // Through the parent of a nested resource: set from the path on create, never changed by an update.
    if (ctx.entity.resource.parent?.fk.column === copy.column) {
      if (mode === 'update') return [];
      const statement = `${select()}(${source}.${copy.field}).where(${source}.id == ${data}[${pyStr(copy.column)}])`;
      return [`${data}[${pyStr(field.name)}] = (await session.execute(${statement})).scalar_one()`];
    }
    const value = `body.${copy.column}`;
    const statement = `${select()}(${source}.${copy.field}).where(${source}.id == ${value})`;
    const line = `${data}[${pyStr(field.name)}] = (await session.execute(${statement})).scalar_one()`;
    const guarded = mode === 'update' || copy.nullable;
    return guarded ? [`if ${value} is not None:`, `    ${line}`] : [line];
  });
}

/**
 * Derived values: on create from the body (or from `data`, for a source the server sets itself); on update,
 * with `onUpdate`, only when the source is in `data` and differs from the stored value. `now` sets the time
 * when the source becomes true (booleans) or takes a value, and clears it when the source becomes false or
 * empty. A slug of a unique field takes the first free `-2`, `-3`... suffix (one query); a source with no
 * letters or digits is a 422 naming it.
 */
export function deriveLines(ctx: ServerSetCtx, names: ServerSetNames): string[] {
  const { data, row } = names;
  return derivedInOrder(ctx.entity).flatMap((field) => {
    const derive = field.derive;
    if (!derive || (row !== null && !derive.onUpdate)) return [];
    const source = derive.source;
    const key = pyStr(source.name);
    // On create the body holds what the client sets; what the server sets (a copy, a derive) is in `data`.
    const fromBody = row === null && source.inCreate && !source.derive;
    const value = fromBody
      ? `${names.body}.${source.name}`
      : row === null
        ? `${data}.get(${key})`
        : `${data}[${key}]`;
    const read = { expr: value, mayBeNone: source.nullable || (row === null && !fromBody) };
    const set = `${data}[${pyStr(field.name)}] = ${derivedValue(ctx, field, read, row)}`;
    if (row === null) return [set];
    return [`if ${key} in ${data} and ${data}[${key}] != ${row}.${source.name}:`, `    ${set}`];
  });
}

/** The Python expression of a derived value, from the source's value `read`. */
function derivedValue(
  ctx: ServerSetCtx,
  field: IrField,
  read: { expr: string; mayBeNone: boolean },
  row: string | null,
): string {
  const source = field.derive?.source as IrField;
  const value = read.expr;
  const maybe = (expr: string) => (read.mayBeNone ? `None if ${value} is None else ${expr}` : expr);
  switch (field.derive?.kind) {
    case 'lower':
      // Lower-casing can lengthen some letters (İ): cut to the column.
      return maybe(field.length === undefined ? `${value}.lower()` : `${value}.lower()[: ${field.length}]`);
    case 'now': {
      const now = ctx.imports.from('app.core.db', 'utc_now');
      return source.type === 'boolean'
        ? `${now}() if ${value} else None`
        : `${now}() if ${value} is not None else None`;
    }
    default: {
      const length = field.length ?? 255;
      const wire = pyStr(source.api);
      if (!field.unique)
        return `${ctx.imports.from('app.api.derived', 'slug_of')}(${value}, ${length}, ${wire})`;
      // An update does not collide with the row's own slug.
      const self = row === null ? '' : `, ${ctx.model}.id != ${row}.id`;
      return `await ${ctx.imports.from('app.api.derived', 'unique_slug')}(session, ${ctx.model}.${field.name}, ${value}, ${length}, ${wire}${self})`;
    }
  }
}

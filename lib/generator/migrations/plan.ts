/**
 * One schema change between two snapshots as Alembic operations: a list of steps, each with its upgrade code and
 * the code that undoes it; `downgrade()` runs the undo code of the steps in reverse.
 *
 * Order of an upgrade (the downgrade is the exact reverse):
 * 1. on kept tables (old names): drop indexes, unique constraints, foreign keys and columns that go away or change
 * 2. drop the foreign keys that close a cycle between dropped tables, then the dropped tables (reverse order)
 * 3. rename tables
 * 4. create new tables (creation order; cycle-closing foreign keys afterwards)
 * 5. on kept tables (new names): rename and alter columns, add columns, create foreign keys, uniques, indexes
 *
 * Every change to an existing table goes through `op.batch_alter_table` (copy-and-move on SQLite, plain ALTER on
 * PostgreSQL). Renames are renames (`op.rename_table`, `alter_column(new_column_name=...)`), never drop + add.
 * A column that becomes NOT NULL on an existing table is backfilled: new columns get a `server_default` with the
 * type's zero value, existing columns get an `UPDATE ... WHERE col IS NULL` first.
 *
 * A column whose type changes kind (text to integer, JSON to text, ...) or narrows (bigint to integer) is
 * converted by `./convert`: `postgresql_using` on PostgreSQL, rows rewritten in place then copied as they are
 * on SQLite; what does not convert becomes NULL or the zero value. A table whose primary key changes type
 * (int <-> uuid) is dropped and created again with its association tables and the foreign key columns that
 * refer to it (`recreateChangedKeys`; rows of a table whose NOT NULL reference is re-created are deleted).
 *
 * PostgreSQL enum types (`./enums`) wrap the table steps: before them, types are created, renamed and given
 * their new values (`ALTER TYPE ... ADD VALUE`); after them, values go away (rows updated, then the type
 * swapped for a new one) and unused types are dropped. From the first of these steps on, a type is referred to
 * by its new name (`withTypeNames`). On SQLite an enum is a VARCHAR of its longest value: a length change is a
 * batch alter of the column, run on SQLite only.
 */
import { patched } from '../patched';
import { indent } from '../python/code';
import { pyStr } from '../python/literal';
import { convertColumn, converts } from './convert';
import { conversion, execute, onDialect, planEnumTypes, pySql, sqlId, withTypeNames } from './enums';
import type { SnapColumn, SnapForeignKey, SnapIndex, Snapshot, SnapTable, SnapUnique } from './snapshot';

export type Step = { up: string; down: string };

const bool = (b: boolean) => (b ? 'True' : 'False');
const f = (name: string) => `op.f(${pyStr(name)})`;

/** Server default for `alter_column` (a SQL text: works on SQLite and PostgreSQL alike). */
function alterDefault(expr: string | null): string {
  if (expr === null) return 'None';
  if (expr === 'sa.func.now()') return 'sa.text("CURRENT_TIMESTAMP")';
  if (expr === 'sa.func.current_date()') return 'sa.text("CURRENT_DATE")';
  return expr;
}

function columnDef(c: SnapColumn, backfill: boolean): string {
  const args = [pyStr(c.name), c.type, `nullable=${bool(c.nullable)}`];
  if (c.serverDefault) args.push(`server_default=${c.serverDefault}`);
  else if (backfill && !c.nullable) args.push(`server_default=${pyStr(c.zero)}`);
  if (c.comment !== null) args.push(`comment=${pyStr(c.comment)}`);
  return `sa.Column(${args.join(', ')})`;
}

const fkSig = (k: SnapForeignKey) => `${k.name}|${k.column}|${k.targetTable}|${k.onDelete}`;
const ixSig = (i: SnapIndex) => `${i.name}|${i.columns.join(',')}|${i.unique}`;
const uqSig = (u: SnapUnique) => `${u.name}|${u.columns.join(',')}`;

const fkCreate = (k: SnapForeignKey) =>
  `batch_op.create_foreign_key(${f(k.name)}, ${pyStr(k.targetTable)}, [${pyStr(k.column)}], ["id"], ondelete=${pyStr(k.onDelete)})`;
const fkDrop = (k: SnapForeignKey) => `batch_op.drop_constraint(${f(k.name)}, type_="foreignkey")`;
const uqCreate = (u: SnapUnique) =>
  `batch_op.create_unique_constraint(${f(u.name)}, [${u.columns.map(pyStr).join(', ')}])`;
const uqDrop = (u: SnapUnique) => `batch_op.drop_constraint(${f(u.name)}, type_="unique")`;
const ixCreate = (i: SnapIndex) =>
  `batch_op.create_index(${f(i.name)}, [${i.columns.map(pyStr).join(', ')}], unique=${bool(i.unique)})`;
const ixDrop = (i: SnapIndex) => `batch_op.drop_index(${f(i.name)})`;

/** `reflect`: columns SQLite's copy sees with these definitions instead of the reflected ones. */
function batch(table: string, ops: string[], recreateOnSqlite = false, reflect: string[] = []): string {
  const recreate = recreateOnSqlite
    ? ', recreate="always" if op.get_context().dialect.name == "sqlite" else "auto"'
    : '';
  const args = reflect.length > 0 ? `, reflect_args=[${reflect.join(', ')}]` : '';
  return `with op.batch_alter_table(${pyStr(table)}${recreate}${args}) as batch_op:\n${indent(ops.join('\n'))}`;
}

/** `op.create_table(...)` plus its indexes; `inline` decides which foreign keys are declared in the table. */
function createTable(t: SnapTable, inline: (k: SnapForeignKey) => boolean): string {
  const items = [pyStr(t.name), ...t.columns.map((c) => columnDef(c, false))];
  for (const k of t.fks.filter(inline)) {
    items.push(
      `sa.ForeignKeyConstraint([${pyStr(k.column)}], [${pyStr(`${k.targetTable}.id`)}], name=${f(k.name)}, ondelete=${pyStr(k.onDelete)})`,
    );
  }
  const pk = t.columns.filter((c) => c.primaryKey).map((c) => pyStr(c.name));
  items.push(`sa.PrimaryKeyConstraint(${pk.join(', ')}, name=${f(`pk_${t.name}`)})`);
  for (const u of t.uniques)
    items.push(`sa.UniqueConstraint(${[...u.columns.map(pyStr), `name=${f(u.name)}`].join(', ')})`);
  const lines = [`op.create_table(\n${indent(items.map((i) => `${i},`).join('\n'))}\n)`];
  for (const i of t.indexes) {
    lines.push(
      `op.create_index(${f(i.name)}, ${pyStr(t.name)}, [${i.columns.map(pyStr).join(', ')}], unique=${bool(i.unique)})`,
    );
  }
  return lines.join('\n');
}

function backfill(table: string, column: string, zero: string): string {
  const value = `'${zero.replace(/'/g, "''")}'`;
  return execute(`UPDATE ${sqlId(table)} SET ${sqlId(column)} = ${value} WHERE ${sqlId(column)} IS NULL`);
}

/**
 * What tells the rows of a new unique NOT NULL column apart: the type's zero value would repeat and break the
 * unique constraint on a table with two rows. Text takes the row's id as text, whole numbers an integer id.
 * Null where nothing can be derived (the constraint then fails on tables with rows, as it must).
 */
function distinctFill(table: SnapTable, c: SnapColumn): string | null {
  const pk = table.columns.find((col) => col.primaryKey);
  const length = /^sa\.String\(length=(\d+)\)$/.exec(c.storage)?.[1];
  if (length) return `CAST(CAST(id AS TEXT) AS VARCHAR(${length}))`;
  if (c.storage === 'sa.Text()') return 'CAST(id AS TEXT)';
  const integer = c.storage === 'sa.Integer()' || c.storage === 'sa.BigInteger()';
  if (integer && pk && /Integer/.test(pk.storage)) return 'id';
  return null;
}

/** A change of the column's type: enum to another enum or to a non-enum (and back), or of storage otherwise. */
const typeChanged = (a: SnapColumn, b: SnapColumn) =>
  a.enum || b.enum ? a.enum?.key !== b.enum?.key : a.storage !== b.storage;

/** Same enum, other longest value: only SQLite's VARCHAR changes (PostgreSQL's type changes in `enums.ts`). */
const sqliteLengthChanged = (a: SnapColumn, b: SnapColumn) =>
  a.enum !== null && a.enum.key === b.enum?.key && a.storage !== b.storage;

function alterArgs(from: SnapColumn, to: SnapColumn, using: string | null = null): string[] {
  const args = [pyStr(from.name), `existing_type=${from.type}`];
  if (typeChanged(from, to)) args.push(`type_=${to.type}`);
  args.push(`existing_nullable=${bool(from.nullable)}`);
  if (from.nullable !== to.nullable) args.push(`nullable=${bool(to.nullable)}`);
  if (from.serverDefault !== to.serverDefault) {
    args.push(`existing_server_default=${alterDefault(from.serverDefault)}`);
    args.push(`server_default=${alterDefault(to.serverDefault)}`);
  }
  if (from.comment !== to.comment) {
    args.push(`existing_comment=${from.comment === null ? 'None' : pyStr(from.comment)}`);
    args.push(`comment=${to.comment === null ? 'None' : pyStr(to.comment)}`);
  }
  if (from.name !== to.name) args.push(`new_column_name=${pyStr(to.name)}`);
  if (using !== null) args.push(`postgresql_using=${pySql(using)}`);
  return args;
}

const columnChanged = (a: SnapColumn, b: SnapColumn) =>
  a.name !== b.name ||
  typeChanged(a, b) ||
  a.nullable !== b.nullable ||
  a.serverDefault !== b.serverDefault ||
  a.comment !== b.comment;

const RECREATED = '#recreated';
/** The key of a table or column re-created (dropped and created again) by a revision. */
export const recreatedKey = (key: string) => `${key}${RECREATED}`;
export const isRecreated = (key: string) => key.endsWith(RECREATED);

/**
 * `to` with the tables whose primary key changes type (int <-> uuid) from `from` keyed apart, so that the plan
 * drops and creates them again, together with the association tables and the foreign key columns that refer
 * to them (their type changes too): rows of such a table are lost, references to it become NULL, and the rows
 * of a table whose (NOT NULL) reference is re-created are deleted.
 */
export function recreateChangedKeys(from: Snapshot, to: Snapshot): Snapshot {
  const pkOf = (t: SnapTable) => t.columns.find((c) => c.primaryKey && c.key === 'pk')?.storage;
  const before = new Map(from.tables.map((t) => [t.key, pkOf(t)]));
  const changed = new Set(
    to.tables.filter((t) => before.has(t.key) && before.get(t.key) !== pkOf(t)).map((t) => t.key),
  );
  if (changed.size === 0) return to;
  const tables = to.tables.map((t) => {
    if (changed.has(t.key) || (t.key.startsWith('m2m:') && t.fks.some((k) => changed.has(k.targetKey))))
      return patched(t, { key: recreatedKey(t.key) });
    const refers = new Set(t.fks.filter((k) => changed.has(k.targetKey)).map((k) => k.column));
    if (refers.size === 0) return t;
    return patched(t, {
      columns: t.columns.map((c) => (refers.has(c.name) ? patched(c, { key: recreatedKey(c.key) }) : c)),
    });
  });
  return patched(to, { tables });
}

/** The steps that turn the `from` schema into the `to` schema (empty when the database need not change). */
export function planSteps(fromSnapshot: Snapshot, toSnapshot: Snapshot): Step[] {
  const enumSteps = planEnumTypes(fromSnapshot, toSnapshot);
  // Enum columns typed with the name their type has while the table steps run; tables whose primary key
  // changes type re-created, with the foreign key columns and association tables that refer to them.
  const from = withTypeNames(fromSnapshot, enumSteps.names);
  const to = withTypeNames(recreateChangedKeys(fromSnapshot, toSnapshot), enumSteps.names);
  const oldBy = new Map(from.tables.map((t) => [t.key, t]));
  const newBy = new Map(to.tables.map((t) => [t.key, t]));
  const removed = from.tables.filter((t) => !newBy.has(t.key)).sort((a, b) => b.order - a.order);
  const added = to.tables.filter((t) => !oldBy.has(t.key)).sort((a, b) => a.order - b.order);
  const kept = to.tables
    .filter((t) => oldBy.has(t.key))
    .map((n) => ({ o: oldBy.get(n.key) as SnapTable, n }))
    .sort((a, b) => a.o.order - b.o.order);
  const steps: Step[] = [...enumSteps.before];

  // 1. kept tables: what goes away, under the old name.
  for (const { o, n } of kept) {
    const keepIx = new Set(n.indexes.map(ixSig));
    const keepUq = new Set(n.uniques.map(uqSig));
    const keepFk = new Set(n.fks.map(fkSig));
    const newCols = new Set(n.columns.map((c) => c.key));
    const cols = o.columns.filter((c) => !newCols.has(c.key));
    const gone = new Set(cols.map((c) => c.name));
    const ix = o.indexes.filter((i) => !keepIx.has(ixSig(i)) || i.columns.some((c) => gone.has(c)));
    const uq = o.uniques.filter((u) => !keepUq.has(uqSig(u)) || u.columns.some((c) => gone.has(c)));
    const fk = o.fks.filter((k) => !keepFk.has(fkSig(k)) || gone.has(k.column));
    // A foreign key column re-created because its target is: NOT NULL, no row can keep a reference.
    const emptyUp = n.columns.some((c) => !c.nullable && isRecreated(c.key));
    const emptyDown = o.columns.some((c) => !c.nullable && newCols.has(recreatedKey(c.key)));
    const emptied = (yes: boolean) => (yes ? [execute(`DELETE FROM ${sqlId(o.name)}`)] : []);
    const up = [
      ...ix.map(ixDrop),
      ...uq.map(uqDrop),
      ...fk.map(fkDrop),
      ...cols.map((c) => `batch_op.drop_column(${pyStr(c.name)})`),
    ];
    if (up.length === 0) continue;
    const down = [
      ...cols.map((c) => `batch_op.add_column(${columnDef(c, true)})`),
      ...fk.map(fkCreate),
      ...uq.map(uqCreate),
      ...ix.map(ixCreate),
    ];
    const needsRecreate = cols.some((c) => c.serverDefault !== null && !c.nullable);
    steps.push({
      up: [...emptied(emptyUp), batch(o.name, up)].join('\n'),
      down: [...emptied(emptyDown), batch(o.name, down, needsRecreate)].join('\n'),
    });
  }

  // 2. dropped tables: cycle-closing foreign keys first, then the tables in reverse creation order.
  for (const t of removed) {
    const deferred = t.fks.filter((k) => k.deferred);
    if (deferred.length > 0)
      steps.push({ up: batch(t.name, deferred.map(fkDrop)), down: batch(t.name, deferred.map(fkCreate)) });
  }
  for (const t of removed) {
    steps.push({ up: `op.drop_table(${pyStr(t.name)})`, down: createTable(t, (k) => !k.deferred) });
  }

  // 3. renamed tables.
  for (const { o, n } of kept) {
    if (o.name !== n.name)
      steps.push({
        up: `op.rename_table(${pyStr(o.name)}, ${pyStr(n.name)})`,
        down: `op.rename_table(${pyStr(n.name)}, ${pyStr(o.name)})`,
      });
  }

  // 4. new tables.
  for (const t of added) {
    steps.push({ up: createTable(t, (k) => !k.deferred), down: `op.drop_table(${pyStr(t.name)})` });
  }
  for (const t of added) {
    const deferred = t.fks.filter((k) => k.deferred);
    if (deferred.length > 0)
      steps.push({ up: batch(t.name, deferred.map(fkCreate)), down: batch(t.name, deferred.map(fkDrop)) });
  }

  // 5. kept tables: renamed and altered columns, new columns and constraints, under the new name.
  for (const { o, n } of kept) {
    const oldCols = new Map(o.columns.map((c) => [c.key, c]));
    const hadIx = new Set(o.indexes.map(ixSig));
    const hadUq = new Set(o.uniques.map(uqSig));
    const hadFk = new Set(o.fks.map(fkSig));
    const upPre: string[] = [];
    const downPre: string[] = [];
    const alterUp: string[] = [];
    const alterDown: string[] = [];
    const lengthUp: string[] = [];
    const lengthDown: string[] = [];
    const reflectUp: string[] = [];
    const reflectDown: string[] = [];
    for (const c of n.columns) {
      const old = oldCols.get(c.key);
      if (!old) continue;
      if (sqliteLengthChanged(old, c)) {
        const args = (a: SnapColumn, b: SnapColumn) =>
          [
            pyStr(c.name),
            `existing_type=${a.type}`,
            `type_=${b.type}`,
            `existing_nullable=${bool(c.nullable)}`,
          ].join(', ');
        lengthUp.push(`batch_op.alter_column(${args(old, c)})`);
        lengthDown.unshift(`batch_op.alter_column(${args(c, old)})`);
      }
      if (!columnChanged(old, c)) continue;
      const change = (a: SnapColumn, b: SnapColumn, target: Snapshot) =>
        converts(a, b)
          ? convertColumn(n.name, a, b)
          : patched(typeChanged(a, b) ? conversion(n.name, a, b, target) : { pre: [], using: null }, {
              reflect: null,
            });
      const up = change(old, c, to);
      const down = change(c, old, from);
      upPre.push(...up.pre);
      downPre.push(...down.pre);
      if (up.reflect) reflectUp.push(up.reflect);
      if (down.reflect) reflectDown.push(down.reflect);
      // A conversion gives a NOT NULL column its zero value itself (the old type may not hold it).
      if (old.nullable && !c.nullable && !converts(old, c)) upPre.push(backfill(n.name, old.name, c.zero));
      if (!old.nullable && c.nullable && !converts(c, old)) downPre.push(backfill(n.name, c.name, old.zero));
      alterUp.push(`batch_op.alter_column(${alterArgs(old, c, up.using).join(', ')})`);
      alterDown.unshift(`batch_op.alter_column(${alterArgs(c, old, down.using).join(', ')})`);
    }
    const addedCols = n.columns.filter((c) => !oldCols.has(c.key));
    // A column dropped and added under the same name (re-created) gets its constraints again.
    const fresh = new Set(addedCols.map((c) => c.name));
    const fk = n.fks.filter((k) => !hadFk.has(fkSig(k)) || fresh.has(k.column));
    const uq = n.uniques.filter((u) => !hadUq.has(uqSig(u)) || u.columns.some((c) => fresh.has(c)));
    const ix = n.indexes.filter((i) => !hadIx.has(ixSig(i)) || i.columns.some((c) => fresh.has(c)));
    const addUp = [
      ...addedCols.map((c) => `batch_op.add_column(${columnDef(c, true)})`),
      ...fk.map(fkCreate),
      ...uq.map(uqCreate),
      ...ix.map(ixCreate),
    ];
    const addDown = [
      ...ix.map(ixDrop),
      ...uq.map(uqDrop),
      ...fk.map(fkDrop),
      ...addedCols.map((c) => `batch_op.drop_column(${pyStr(c.name)})`),
    ];
    // Column renames and new constraints on the new names go in separate batches: SQLite's copy-and-move
    // cannot index a column renamed in the same batch.
    if (alterUp.length > 0)
      steps.push({
        up: [...upPre, batch(n.name, alterUp, false, reflectUp)].join('\n'),
        down: [...downPre, batch(n.name, alterDown, false, reflectDown)].join('\n'),
      });
    if (lengthUp.length > 0)
      steps.push({
        up: onDialect('sqlite', [batch(n.name, lengthUp)]),
        down: onDialect('sqlite', [batch(n.name, lengthDown)]),
      });
    const uniqueCols = new Set([
      // Only a one-column constraint needs distinct values in the new column itself.
      ...uq.flatMap((u) => (u.columns.length === 1 ? u.columns : [])),
      ...ix.filter((i) => i.unique).flatMap((i) => i.columns),
    ]);
    const fills = addedCols.flatMap((c) => {
      const fill =
        !c.nullable && c.serverDefault === null && uniqueCols.has(c.name) ? distinctFill(n, c) : null;
      return fill ? [execute(`UPDATE ${sqlId(n.name)} SET ${sqlId(c.name)} = ${fill}`)] : [];
    });
    if (addUp.length > 0) {
      // SQLite cannot ADD COLUMN with a non-constant default: copy-and-move puts it in the new table instead.
      const needsRecreate = addedCols.some((c) => c.serverDefault !== null && !c.nullable);
      // New unique columns get distinct values between adding them and constraining them: two batches.
      const up =
        fills.length === 0
          ? batch(n.name, addUp, needsRecreate)
          : [
              batch(
                n.name,
                [...addedCols.map((c) => `batch_op.add_column(${columnDef(c, true)})`), ...fk.map(fkCreate)],
                needsRecreate,
              ),
              ...fills,
              batch(n.name, [...uq.map(uqCreate), ...ix.map(ixCreate)]),
            ].join('\n');
      steps.push({ up, down: batch(n.name, addDown) });
    }
  }
  steps.push(...enumSteps.after);
  return steps;
}

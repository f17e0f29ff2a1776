/**
 * What changed between two designs, by stable id, and which changes would lose data when migrated: dropped
 * tables and columns, narrowed types or lengths, columns made NOT NULL without a default (NULLs get backfilled
 * with a zero value). Pure; used by the versions diff API.
 */
import type { Design } from '@/lib/design/schema';
import { validateDesign } from '@/lib/design/validate';
import { buildIr } from '../ir/build';
import { conversionLoss, converts, kindOf } from './convert';
import { recreateChangedKeys, recreatedKey } from './plan';
import type { SnapColumn, Snapshot } from './snapshot';
import { snapshotOf } from './snapshot';

export type DiffItem = { id: string; name: string; entity?: string; changes?: string[] };
export type DiffGroup = { added: DiffItem[]; removed: DiffItem[]; changed: DiffItem[] };
export type DestructiveWarning = {
  kind: 'dropped-table' | 'dropped-column' | 'narrowed-type' | 'made-non-nullable';
  table: string;
  column?: string;
  message: string;
};
export type DesignDiff = {
  entities: DiffGroup;
  fields: DiffGroup;
  relations: DiffGroup;
  endpoints: DiffGroup;
  warnings: DestructiveWarning[];
};

type Keyed = { id: string; name: string; entity?: string; value: Record<string, unknown> };

function group(before: Keyed[], after: Keyed[]): DiffGroup {
  const old = new Map(before.map((k) => [k.id, k]));
  const now = new Map(after.map((k) => [k.id, k]));
  const item = (k: Keyed, changes?: string[]): DiffItem => ({
    id: k.id,
    name: k.name,
    ...(k.entity !== undefined ? { entity: k.entity } : {}),
    ...(changes ? { changes } : {}),
  });
  const changed: DiffItem[] = [];
  for (const k of after) {
    const o = old.get(k.id);
    if (!o) continue;
    const keys = [...new Set([...Object.keys(o.value), ...Object.keys(k.value)])].sort();
    const changes = keys.filter((key) => JSON.stringify(o.value[key]) !== JSON.stringify(k.value[key]));
    if (changes.length > 0) changed.push(item(k, changes));
  }
  return {
    added: after.filter((k) => !old.has(k.id)).map((k) => item(k)),
    removed: before.filter((k) => !now.has(k.id)).map((k) => item(k)),
    changed,
  };
}

const entitiesOf = (d: Design): Keyed[] =>
  d.entities.map(({ fields: _fields, ...rest }) => ({ id: rest.id, name: rest.name, value: rest }));
const fieldsOf = (d: Design): Keyed[] =>
  d.entities.flatMap((e) => e.fields.map((f) => ({ id: f.id, name: f.name, entity: e.name, value: f })));
const relationsOf = (d: Design): Keyed[] =>
  d.relations.map((r) => ({ id: r.id, name: r.fieldName, value: r as unknown as Record<string, unknown> }));
const endpointsOf = (d: Design): Keyed[] =>
  d.customEndpoints.map((c) => ({
    id: c.id,
    name: `${c.method} ${c.path}`,
    value: c as unknown as Record<string, unknown>,
  }));

const snapshot = (d: Design): Snapshot | null =>
  validateDesign(d).length === 0 ? snapshotOf(buildIr(d)) : null;

/** A column's storage as a family and a capacity: strings by length (TEXT unbounded), integers by bits. */
function capacity(storage: string): { family: string; size: number } {
  const length = /^(?:sa\.String\(length=|varchar\()(\d+)\)$/.exec(storage);
  if (length) return { family: 'string', size: Number(length[1]) };
  if (storage === 'sa.Text()') return { family: 'string', size: Number.POSITIVE_INFINITY };
  if (storage === 'sa.Integer()') return { family: 'integer', size: 32 };
  if (storage === 'sa.BigInteger()') return { family: 'integer', size: 64 };
  return { family: storage, size: 0 };
}

/** null when b's storage holds every value of a's; else why it does not. */
function narrowing(a: SnapColumn, b: SnapColumn): string | null {
  if (a.storage === b.storage) return null;
  const ca = capacity(a.storage);
  const cb = capacity(b.storage);
  if (ca.family === cb.family) {
    if (cb.size >= ca.size) return null;
    return ca.family === 'string'
      ? `length ${ca.size} -> ${cb.size}: longer values are cut or refused`
      : `${a.storage} -> ${b.storage}: larger values are refused`;
  }
  return `type ${a.storage} -> ${b.storage}: values that do not convert are lost or refused`;
}

const fallbackText = (c: SnapColumn) =>
  c.enum === null || c.enum.fallback === null ? 'NULL' : JSON.stringify(c.enum.fallback);

/** null when every value `a` may hold is a value of `b`'s enum (b is an enum column); else what happens. */
function enumNarrowing(a: SnapColumn, b: SnapColumn, before: Snapshot, after: Snapshot): string | null {
  const target = after.enums.find((e) => e.key === b.enum?.key);
  if (!target) return null;
  if (a.enum?.key === target.key) {
    const old = before.enums.find((e) => e.key === target.key)?.values ?? [];
    const removed = old.filter((v) => !target.values.includes(v));
    if (removed.length === 0) return null;
    return `enum value${removed.length > 1 ? 's' : ''} ${removed.map((v) => JSON.stringify(v)).join(', ')} removed: rows holding ${removed.length > 1 ? 'them' : 'it'} get ${fallbackText(b)}`;
  }
  return `values that are not values of the enum get ${fallbackText(b)}`;
}

/** Changes from `a` to `b` that lose data when the database is migrated (both designs must generate). */
export function destructiveWarnings(a: Snapshot, b: Snapshot): DestructiveWarning[] {
  const warnings: DestructiveWarning[] = [];
  // Tables whose primary key changes type are re-created, with what refers to them (see `planSteps`).
  const after = new Map(recreateChangedKeys(a, b).tables.map((t) => [t.key, t]));
  const pkType = (key: string) => {
    const t = after.get(recreatedKey(key));
    return t?.columns.find((c) => c.key === 'pk')?.storage === 'sa.Uuid()' ? 'a UUID' : 'an integer';
  };
  const targetOf = (
    t: { fks: { column: string; targetKey: string; targetTable: string }[] },
    column: string,
  ) => t.fks.find((k) => k.column === column);
  for (const t of a.tables) {
    const n = after.get(t.key);
    const again = after.get(recreatedKey(t.key));
    if (again) {
      const target = t.key.startsWith('m2m:') ? null : t;
      const why = target
        ? `its primary key becomes ${pkType(t.key)}`
        : `the primary key of ${t.fks.find((k) => after.has(recreatedKey(k.targetKey)))?.targetTable} changes type`;
      warnings.push({
        kind: 'dropped-table',
        table: again.name,
        message: `Table ${again.name} is re-created (${why}): every row in it is lost, and references to it become NULL.`,
      });
      continue;
    }
    if (!n) {
      warnings.push({
        kind: 'dropped-table',
        table: t.name,
        message: `Table ${t.name} is dropped: every row in it is lost.`,
      });
      continue;
    }
    const cols = new Map(n.columns.map((c) => [c.key, c]));
    for (const c of t.columns) {
      const m = cols.get(c.key);
      const redone = cols.get(recreatedKey(c.key));
      if (redone) {
        const target = targetOf(n, redone.name)?.targetTable ?? '';
        warnings.push({
          kind: 'dropped-column',
          table: n.name,
          column: redone.name,
          message: redone.nullable
            ? `Column ${n.name}.${redone.name} is re-created (the primary key of ${target} changes type): it becomes NULL in every row.`
            : `Column ${n.name}.${redone.name} is re-created (the primary key of ${target} changes type) and is NOT NULL: every row of ${n.name} is deleted.`,
        });
        continue;
      }
      if (!m) {
        warnings.push({
          kind: 'dropped-column',
          table: t.name,
          column: c.name,
          message: `Column ${t.name}.${c.name} is dropped: its values in every row are lost.`,
        });
        continue;
      }
      const both = `${kindOf(c).kind}/${kindOf(m).kind}`;
      const why = m.enum
        ? enumNarrowing(c, m, a, b)
        : converts(c, m) || (both === 'decimal/decimal' && c.storage !== m.storage)
          ? conversionLoss(c, m)
          : narrowing(c, m);
      if (why)
        warnings.push({
          kind: 'narrowed-type',
          table: n.name,
          column: m.name,
          message: `Column ${n.name}.${m.name}: ${why}.`,
        });
      if (c.nullable && !m.nullable && m.serverDefault === null)
        warnings.push({
          kind: 'made-non-nullable',
          table: n.name,
          column: m.name,
          message: `Column ${n.name}.${m.name} becomes NOT NULL without a default: NULLs are replaced by ${JSON.stringify(m.zero)}.`,
        });
    }
  }
  return warnings;
}

/** Entities, fields, relations and custom endpoints added/removed/changed from `a` to `b`, and data-loss warnings. */
export function diffDesigns(a: Design, b: Design): DesignDiff {
  const sa = snapshot(a);
  const sb = snapshot(b);
  return {
    entities: group(entitiesOf(a), entitiesOf(b)),
    fields: group(fieldsOf(a), fieldsOf(b)),
    relations: group(relationsOf(a), relationsOf(b)),
    endpoints: group(endpointsOf(a), endpointsOf(b)),
    warnings: sa && sb ? destructiveWarnings(sa, sb) : [],
  };
}

/**
 * Alembic revisions that follow a design's history: the first committed version that generates gets the initial
 * migration (`0001`, exactly what a design without history gets), every later version that changes the schema
 * gets one revision (chained through `down_revision`), and the working design a pending revision when its schema
 * differs from the last version's. Pure and deterministic.
 *
 * A revision id is `<NNNN>_<hash of the previous revision id and the schema it leads to>`: the pending revision
 * keeps its id (and its number) once the working design is committed with the same schema, so a database
 * upgraded to the pending revision is not stranded. Only the file's slug changes (`pending` -> the message).
 */

import type { Design } from '@/lib/design/schema';
import { validateDesign } from '@/lib/design/validate';
import { emitInitialMigration, migrationImports } from '../fastapi/migration';
import { shortHash } from '../hash';
import { buildIr } from '../ir/build';
import type { IrProject } from '../ir/types';
import { patched } from '../patched';
import { indent, module } from '../python/code';
import { pyDocstring, pyStr } from '../python/literal';
import { planSteps, type Step } from './plan';
import { type Snapshot, snapshotOf } from './snapshot';

export { shortHash } from '../hash';
export { planSteps, type Step } from './plan';
export { type Snapshot, snapshotOf } from './snapshot';

export type DesignVersion = {
  /** Stable id of the committed version (a null id elsewhere means the working design). */
  id: string;
  message: string;
  /** ISO date-time (or a Date). */
  createdAt: string | Date;
  design: Design;
};

export type PlannedRevision = {
  revision: string;
  downRevision: string | null;
  /** Path in the project, `alembic/versions/<revision prefix>_<slug>.py`. */
  path: string;
  message: string;
  steps: Step[];
};

function slug(message: string): string {
  const s = message
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/g, '');
  return s === '' ? 'revision' : s;
}

const pad = (n: number) => String(n).padStart(4, '0');

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * What the database holds of a snapshot, canonically: tables, columns, constraints and enum types, in key
 * order; not what only shapes the code (backfill values, the order tables are created in).
 */
export function schemaContent(snapshot: Snapshot): string {
  const tables = [...snapshot.tables].sort(byKey((t) => t.key)).map((t) => ({
    key: t.key,
    name: t.name,
    columns: [...t.columns]
      .sort(byKey((c) => c.key))
      .map(({ zero: _zero, enum: e, ...c }) => patched(c, { enum: e?.key ?? null })),
    indexes: [...t.indexes].sort(byKey((i) => i.name)),
    // One-column constraints keep their original form: revision ids of older designs do not move.
    uniques: [...t.uniques]
      .sort(byKey((u) => u.name))
      .map((u) => (u.columns.length === 1 ? { name: u.name, column: u.columns[0] } : u)),
    fks: [...t.fks].sort(byKey((k) => k.name)).map(({ deferred: _deferred, ...k }) => k),
  }));
  return JSON.stringify({ tables, enums: [...snapshot.enums].sort(byKey((e) => e.key)) });
}

/** The id of revision `n`, which follows `previous` and leads to `schema`. */
export function revisionId(n: number, previous: string, schema: Snapshot): string {
  return `${pad(n)}_${shortHash(`${previous}\n${schemaContent(schema)}`)}`;
}

function irOf(design: Design, projectName?: string): IrProject | null {
  return validateDesign(design).length === 0 ? buildIr(design, projectName) : null;
}

const isoDate = (d: string | Date) => {
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime())
    ? '1970-01-01 00:00:00'
    : date.toISOString().slice(0, 19).replace('T', ' ');
};

/**
 * The revisions after `0001` for `versions` then `working`. Versions whose design does not validate are skipped
 * (their changes land in the next one that does); versions that do not change the schema get no revision.
 * Returns the IR of the first valid version (for `0001`) or null when no version validates.
 */
export function planRevisions(
  versions: readonly DesignVersion[],
  working: Design,
  projectName?: string,
): { initial: IrProject | null; revisions: (PlannedRevision & { createdAt: string })[] } {
  let initial: IrProject | null = null;
  let previous: Snapshot | null = null;
  let current = '0001';
  const revisions: (PlannedRevision & { createdAt: string })[] = [];
  const entries: { id: string | null; message: string; createdAt: string; design: Design }[] = [
    ...versions.map((v) => ({
      id: v.id,
      message: v.message,
      createdAt: isoDate(v.createdAt),
      design: v.design,
    })),
    {
      id: null,
      message: 'Pending changes of the working design',
      createdAt: isoDate(versions.at(-1)?.createdAt ?? '1970-01-01T00:00:00Z'),
      design: working,
    },
  ];
  for (const entry of entries) {
    const ir = irOf(entry.design, projectName);
    if (!ir) continue;
    const snap = snapshotOf(ir);
    if (previous === null) {
      if (entry.id === null) break; // no valid version: the working design's initial migration as today
      initial = ir;
      previous = snap;
      continue;
    }
    const steps = planSteps(previous, snap);
    previous = snap;
    if (steps.length === 0) continue;
    const n = revisions.length + 2;
    const revision = revisionId(n, current, snap);
    const name = entry.id === null ? 'pending' : slug(entry.message);
    revisions.push({
      revision,
      downRevision: current,
      path: `alembic/versions/${pad(n)}_${name}.py`,
      message: entry.message,
      steps,
      createdAt: entry.createdAt,
    });
    current = revision;
  }
  return { initial, revisions };
}

/** The Python source of one revision (unformatted; the generator formats every `.py` file). */
export function emitRevision(r: PlannedRevision & { createdAt: string }): string {
  const doc = pyDocstring(r.message, '') ?? '"""Schema change"""';
  const title = doc.slice(3, -3).trimEnd();
  const header = [
    `"""${title}`,
    '',
    `Revision ID: ${r.revision}`,
    `Revises: ${r.downRevision ?? ''}`,
    `Create Date: ${r.createdAt}`,
    '"""',
  ].join('\n');
  const up = r.steps.map((s) => s.up);
  const down = [...r.steps].reverse().map((s) => s.down);
  const imports = ['from collections.abc import Sequence', '', ...migrationImports([...up, ...down])].join(
    '\n',
  );
  const meta = [
    `revision: str = ${pyStr(r.revision)}`,
    `down_revision: str | None = ${r.downRevision === null ? 'None' : pyStr(r.downRevision)}`,
    'branch_labels: str | Sequence[str] | None = None',
    'depends_on: str | Sequence[str] | None = None',
  ].join('\n');
  const fn = (name: string, body: string[]) =>
    `def ${name}() -> None:\n${indent(body.length > 0 ? body.join('\n') : 'pass')}`;
  return module(imports, [meta, fn('upgrade', up), fn('downgrade', down)], header);
}

/**
 * Every file of `alembic/versions/` for a design with history: `0001_initial.py` (the first valid version's
 * schema) and one file per later schema change. Without versions, null (the caller keeps the plain initial).
 */
export function migrationFiles(
  versions: readonly DesignVersion[],
  working: Design,
  projectName?: string,
): Record<string, string> | null {
  if (versions.length === 0) return null;
  const { initial, revisions } = planRevisions(versions, working, projectName);
  if (!initial) return null;
  const files: Record<string, string> = { 'alembic/versions/0001_initial.py': emitInitialMigration(initial) };
  for (const r of revisions) files[r.path] = emitRevision(r);
  return files;
}

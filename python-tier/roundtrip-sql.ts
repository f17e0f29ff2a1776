/**
 * The SQL round trip: a corpus schema (`lib/import/sql/corpus.ts`) -> importSql -> generateProject -> `alembic
 * upgrade head` on a fresh database, against the original DDL applied to another fresh database of the same kind
 * (PostgreSQL for PostgreSQL DDL, SQLite for SQLite DDL). Both catalogs are read by one inspector (`catalog.py`),
 * lined up through the import's renames and compared (`catalog-compare.ts`); a difference no allowance of
 * `roundtrip-sql-allowances.ts` accepts fails the step, named by table and column.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { snakeCase } from '@/lib/design/names';
import type { Design } from '@/lib/design/schema';
import { effectiveAssociationTable, effectiveTableName } from '@/lib/design/validate';
import { importSqlWithSources, type SqlSources } from '@/lib/import/sql';
import { readSqlCorpus, SQL_CORPUS } from '@/lib/import/sql/corpus';
import type { ImportReport } from '@/lib/import/types';
import type { Failure } from '@/lib/runner/python-output';
import {
  type Catalog,
  compareCatalogs,
  type Dialect,
  describeCatalogDifference,
  type Renames,
} from './catalog-compare';
import type { TierDesign } from './designs';
import { appUrl, createDatabase, dropDatabase } from './postgres';
import { projectEnv, run } from './process';
import { SQL_ROUND_TRIP_ALLOWANCES } from './roundtrip-sql-allowances';
import type { Project, StepName, StepResult } from './steps';

export const SQL_ROUND_TRIP_STEP: StepName = 'roundtrip:sql';

interface RoundTrip {
  sql: string;
  dialect: Dialect;
  design: Design;
  report: ImportReport;
  sources: SqlSources;
}

/**
 * A small corpus design also runs the generated suite and Alembic's own upgrade/check/downgrade (an imported design
 * must make a working project); the others only the round trip, to keep the tier fast.
 */
const ALSO: Record<string, StepName[]> = {
  'chinook-postgresql.sql': ['pytest:sqlite', 'alembic:sqlite', 'alembic:postgres'],
};

/** Round trips by tier design name, filled by `sqlRoundTripDesigns`. */
const roundTrips = new Map<string, RoundTrip>();

/** The corpus files the round trip replays, imported, as tier designs that run only this step. */
export async function sqlRoundTripDesigns(): Promise<TierDesign[]> {
  const out: TierDesign[] = [];
  for (const entry of SQL_CORPUS) {
    if (entry.noRoundTrip || (entry.dialect !== 'postgresql' && entry.dialect !== 'sqlite')) continue;
    const sql = readSqlCorpus(entry.file);
    const { design, report, sources } = await importSqlWithSources(sql, entry.dialect);
    const name = `sql-${entry.file.replace(/\.sql$/, '')}`;
    roundTrips.set(name, { sql, dialect: entry.dialect, design, report, sources });
    const steps: StepName[] = [...(ALSO[entry.file] ?? []), SQL_ROUND_TRIP_STEP];
    out.push({ name, design: () => structuredClone(design), steps });
  }
  return out;
}

/** Original names -> generated names, from the design and where its elements came from. */
export function renamesOf(design: Design, sources: SqlSources): Renames {
  const renames: Renames = { tables: {}, columns: {} };
  const columns = (table: string) => {
    renames.columns[table] ??= {};
    return renames.columns[table] as Record<string, string>;
  };
  for (const entity of design.entities) {
    const source = sources.entities[entity.id];
    if (!source) continue;
    renames.tables[source.table] = effectiveTableName(entity);
    if (source.pkColumn) columns(source.table)[source.pkColumn] = 'id';
  }
  for (const entity of design.entities)
    for (const field of entity.fields) {
      const source = sources.fields[field.id];
      if (source) columns(source.table)[source.column] = field.name;
    }
  for (const relation of design.relations) {
    const source = sources.relations[relation.id];
    if (!source) continue;
    if ('column' in source) {
      columns(source.table)[source.column] = `${relation.fieldName}_id`;
      continue;
    }
    const from = design.entities.find((e) => e.id === relation.fromEntityId);
    const to = design.entities.find((e) => e.id === relation.toEntityId);
    const table = effectiveAssociationTable(design, relation);
    if (!from || !to || !table) continue;
    renames.tables[source.table] = table;
    const left = `${snakeCase(from.name)}_id`;
    columns(source.table)[source.left] = left;
    columns(source.table)[source.right] = from === to ? `related_${left}` : `${snakeCase(to.name)}_id`;
  }
  return renames;
}

/** `table.column` (generated table, source column) of every column the import report skipped. */
export function skippedColumns(report: ImportReport, renames: Renames): Set<string> {
  const out = new Set<string>();
  for (const entry of report.entries) {
    if (entry.status !== 'skipped' || !entry.subject.startsWith('column ')) continue;
    const name = entry.subject.slice('column '.length);
    const dot = name.lastIndexOf('.');
    const table = name.slice(0, dot).split('.').pop() as string;
    out.add(`${renames.tables[table] ?? table}.${name.slice(dot + 1)}`);
  }
  return out;
}

const CATALOG_SCRIPT = fileURLToPath(new URL('./catalog.py', import.meta.url));
const MINUTE = 60_000;

async function python(project: Project, args: string[], env: Record<string, string> = {}) {
  const command = project.toolchain.command('python', args, project.dir);
  return run(command, projectEnv(env), 2 * MINUTE);
}

async function alembic(project: Project, url: string) {
  const command = project.toolchain.command('alembic', ['upgrade', 'head'], project.dir);
  return run(command, projectEnv({ DATABASE_URL: url }), 2 * MINUTE);
}

/** Reads a catalog with `catalog.py` (optionally running a SQLite script on the file first). */
async function readCatalog(
  project: Project,
  url: string,
  label: string,
  apply?: string,
): Promise<Catalog | Failure> {
  const inner = (p: string) => project.toolchain.inner(p);
  const script = path.join(project.dir, '.tier_catalog.py');
  const out = path.join(project.dir, `.catalog-${label}.json`);
  copyFileSync(CATALOG_SCRIPT, script);
  const args = [inner(script), url, inner(out)];
  if (apply) {
    const ddl = path.join(project.dir, '.original.sql');
    writeFileSync(ddl, apply);
    args.push('--apply', inner(ddl));
  }
  const ran = await python(project, args);
  if (ran.code !== 0 || !existsSync(out))
    return {
      file: 'alembic/versions/0001_initial.py',
      line: 1,
      message: `reading the ${label} catalog failed: ${ran.output.trim().split('\n').slice(-4).join(' | ')}`,
    };
  return JSON.parse(readFileSync(out, 'utf8')) as Catalog;
}

const isFailure = <T extends object>(v: T | Failure): v is Failure => 'message' in v;

/** Both catalogs of one round trip, on fresh databases that are removed afterwards. */
async function catalogs(
  project: Project,
  trip: RoundTrip,
): Promise<{ original: Catalog; generated: Catalog } | Failure> {
  if (trip.dialect === 'sqlite') {
    const originalFile = path.join(project.dir, '.original.db');
    const generatedFile = path.join(project.dir, '.generated.db');
    for (const f of [originalFile, generatedFile]) rmSync(f, { force: true });
    const inner = (p: string) => project.toolchain.inner(p);
    const upgrade = await alembic(project, `sqlite+aiosqlite:///${inner(generatedFile)}`);
    if (upgrade.code !== 0)
      return {
        file: 'alembic/versions/0001_initial.py',
        line: 1,
        message: `alembic upgrade head failed: ${upgrade.output.trim().split('\n').slice(-4).join(' | ')}`,
      };
    const generated = await readCatalog(project, `sqlite:///${inner(generatedFile)}`, 'generated');
    const original = await readCatalog(project, `sqlite:///${inner(originalFile)}`, 'original', trip.sql);
    if (isFailure(generated)) return generated;
    if (isFailure(original)) return original;
    return { original, generated };
  }
  const admin = project.postgresUrl as string;
  const originalDb = await createDatabase(admin, `${project.design}_original`);
  const generatedDb = await createDatabase(admin, `${project.design}_generated`);
  try {
    const url = new URL(admin);
    url.pathname = `/${originalDb.name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(trip.sql);
    } finally {
      await client.end();
    }
    const upgrade = await alembic(project, generatedDb.url);
    if (upgrade.code !== 0)
      return {
        file: 'alembic/versions/0001_initial.py',
        line: 1,
        message: `alembic upgrade head failed: ${upgrade.output.trim().split('\n').slice(-4).join(' | ')}`,
      };
    const generated = await readCatalog(project, generatedDb.url, 'generated');
    const original = await readCatalog(project, appUrl(admin, originalDb.name), 'original');
    if (isFailure(generated)) return generated;
    if (isFailure(original)) return original;
    return { original, generated };
  } finally {
    await dropDatabase(admin, originalDb.name).catch(() => undefined);
    await dropDatabase(admin, generatedDb.name).catch(() => undefined);
  }
}

const MAX_FAILURES = 25;

export async function sqlRoundTripStep(project: Project): Promise<StepResult> {
  const started = Date.now();
  const base = { design: project.design, step: SQL_ROUND_TRIP_STEP } as const;
  const trip = roundTrips.get(project.design);
  if (!trip) return { ...base, ok: true, skipped: 'not a SQL corpus design', failures: [], ms: 0 };
  if (trip.dialect === 'postgresql' && !project.postgresUrl)
    return { ...base, ok: true, skipped: 'TEST_DATABASE_URL is not set', failures: [], ms: 0 };
  let read: Awaited<ReturnType<typeof catalogs>>;
  try {
    read = await catalogs(project, trip);
  } catch (error) {
    read = { file: '?', line: 0, message: `the round trip could not run: ${String(error)}` };
  }
  if (isFailure(read)) return { ...base, ok: false, failures: [read], ms: Date.now() - started };
  const renames = renamesOf(trip.design, trip.sources);
  const differences = compareCatalogs(read.original, read.generated, {
    renames,
    dialect: trip.dialect,
    allowances: SQL_ROUND_TRIP_ALLOWANCES,
    skipped: skippedColumns(trip.report, renames),
  });
  const real = differences.filter((d) => !d.allowance);
  const failures: Failure[] = real.slice(0, MAX_FAILURES).map((d) => ({
    file: 'alembic/versions/0001_initial.py',
    line: 1,
    message: `catalog differs from the original DDL: ${describeCatalogDifference(d)}`,
  }));
  if (real.length > MAX_FAILURES)
    failures.push({
      file: 'alembic/versions/0001_initial.py',
      line: 1,
      message: `… and ${real.length - MAX_FAILURES} more`,
    });
  const tables = Object.keys(read.original.tables).length;
  const counts = new Map<string, number>();
  for (const d of differences) if (d.allowance) counts.set(d.allowance, (counts.get(d.allowance) ?? 0) + 1);
  const allowed = [...counts].map(([id, n]) => `${id}×${n}`).join(' ');
  return {
    ...base,
    ok: failures.length === 0,
    failures,
    note: `${tables} tables; accepted: ${allowed || 'none'}`,
    ms: Date.now() - started,
  };
}

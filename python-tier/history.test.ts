/**
 * Migrations that follow a design's history, run for real: the scripted history of
 * `lib/generator/migrations/testing.ts` (every change kind) is generated, then on SQLite (and PostgreSQL when
 * TEST_DATABASE_URL is set) each revision is applied one at a time with a row inserted into every table after
 * each, and at the end: `upgrade head` applied everything, `alembic check` is clean, earlier rows survived
 * (renamed columns and tables kept their data, rows holding a removed enum value fell back to the default or
 * NULL) and `downgrade base` leaves nothing behind (PostgreSQL: no table and no enum type).
 * Skipped without a Python toolchain, except in CI.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '@/lib/design/schema';
import { generateProject } from '@/lib/generator';
import { planRevisions } from '@/lib/generator/migrations';
import { SAMPLES, scriptedHistory } from '@/lib/generator/migrations/testing';
import { findToolchain } from '@/lib/runner/toolchain';
import { createDatabase, dropDatabase, leftovers } from './postgres';
import { projectEnv, run } from './process';
import { ruffCheckStep, ruffFormatStep, writeProject } from './steps';

const lookup = await findToolchain();
if (!lookup.ok && process.env.CI) throw new Error(`no Python toolchain in CI: ${lookup.reason}`);

/** Inserts one row per table (every column filled, strings `<tag>-<column>`), or dumps every table as JSON. */
const HELPER = `
import datetime, decimal, json, sys, uuid
import sqlalchemy as sa

url = sys.argv[1]
engine = sa.create_engine(url)
meta = sa.MetaData()
meta.reflect(engine)
tables = [t for t in meta.sorted_tables if t.name != "alembic_version"]

def value(table, col, tag, conn):
    for fk in col.foreign_keys:
        target = fk.column.table
        return conn.execute(sa.select(target.c.id).order_by(target.c.id.desc()).limit(1)).scalar()
    t = col.type
    if isinstance(t, sa.Boolean): return True
    if isinstance(t, sa.DateTime): return datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
    if isinstance(t, sa.Date): return datetime.date(2025, 1, 1)
    if isinstance(t, (sa.Integer, sa.BigInteger)): return int(tag[1:])
    if isinstance(t, sa.Numeric): return decimal.Decimal("1.5")
    if isinstance(t, sa.Float): return 1.5
    if isinstance(t, sa.JSON): return {"tag": tag}
    if isinstance(t, sa.Uuid): return uuid.uuid4()
    if col.name == "status" and status:
        return status  # the enum column: a value of the enum at this revision
    text = f"{tag}-{col.name}"
    length = getattr(t, "length", None)
    return text[:length] if length else text

if sys.argv[2] == "insert":
    tag = sys.argv[3]
    status = sys.argv[4] if len(sys.argv) > 4 else ""
    with engine.begin() as conn:
        for table in tables:
            row = {}
            for col in table.columns:
                if col.name == "id" and col.primary_key and isinstance(col.type, sa.Integer):
                    continue
                row[col.name] = value(table, col, tag, conn)
            if any(v is None for c, v in row.items() if not table.c[c].nullable):
                continue
            conn.execute(table.insert().values(**row))
elif sys.argv[2] == "rows":
    # {table: [row, ...]}: the given values (ISO strings for date-time columns)
    with engine.begin() as conn:
        for name, rows in json.loads(sys.argv[3]).items():
            table = meta.tables[name]
            for row in rows:
                for c, v in row.items():
                    if isinstance(table.c[c].type, sa.DateTime) and isinstance(v, str):
                        row[c] = datetime.datetime.fromisoformat(v)
                conn.execute(table.insert().values(**row))
else:
    out = {}
    with engine.connect() as conn:
        for table in tables:
            out[table.name] = [
                {k: str(v) for k, v in r._mapping.items()} for r in conn.execute(sa.select(table))
            ]
    print(json.dumps(out))
`;

type Dump = Record<string, Record<string, string>[]>;

/**
 * Samples inserted after the revision that adds them (text values, then every field changes type): one row
 * whose values convert, one whose values do not (they become NULL, or the zero value of the NOT NULL price).
 */
const SAMPLE_ROWS = {
  samples: [
    {
      qty: '42',
      price: '12.5',
      ok: 'Yes',
      day: '2025-02-03',
      at: '2025-02-03 04:05:06',
      ref: '0F8FAD5B-D9CB-469F-A165-70867728950E',
      meta: '{"a": [1, 2]}',
      hits: 5,
      ratio: 2.6,
      data: { k: 'v' },
      born: '2025-02-03T23:30:00+00:00',
    },
    {
      qty: '4.5',
      price: 'cheap',
      ok: 'maybe',
      day: '2025-02-30',
      at: 'noon',
      ref: 'not-a-uuid',
      meta: '{bad',
      hits: 0,
      ratio: -0.4,
      data: { long: 'x'.repeat(300) },
      born: null,
    },
  ],
};
const CONVERTED = {
  qty: '42',
  price: '12.50',
  ok: 'True',
  day: '2025-02-03',
  meta: "{'a': [1, 2]}",
  hits: 'True',
  ratio: '3',
  data: '{"k": "v"}',
  born: '2025-02-03',
};
const NOT_CONVERTED = {
  qty: 'None',
  price: '0.00',
  ok: 'None',
  day: 'None',
  at: 'None',
  ref: 'None',
  meta: 'None',
  hits: 'False',
  ratio: '0',
  data: 'None',
  born: 'None',
};

describe.skipIf(!lookup.ok)('migrations that follow the design history', () => {
  let base = '';
  let root = '';
  let helper = '';
  let revisions: string[] = [];
  /** The value rows inserted after each revision file put in `status`: the enum's first value then, if any. */
  const statusAfter = new Map<string, string>();
  /** The revision files that add the samples and that re-create the topics (their key becomes a UUID). */
  let samplesFile = '';
  let topicsFile = '';
  const toolchain = lookup.ok ? lookup.toolchain : (undefined as never);

  beforeAll(() => {
    const { versions, working } = scriptedHistory();
    const generated = generateProject(working, { history: versions });
    if (!generated.ok) throw new Error('the scripted history does not generate');
    mkdirSync(toolchain.workRoot, { recursive: true });
    base = mkdtempSync(path.join(toolchain.workRoot, 'fastdraft-history-'));
    root = path.join(base, 'project');
    writeProject(root, generated.files);
    helper = toolchain.inner(path.join(base, 'history_helper.py'));
    writeFileSync(path.join(base, 'history_helper.py'), HELPER);
    revisions = readdirSync(path.join(root, 'alembic/versions'))
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((f) => f.slice(0, 4));
    const status = (d: Design) => {
      const field = d.entities.flatMap((e) => e.fields).find((f) => f.id === 'f_status');
      return d.enums.find((e) => e.id === field?.enumId)?.values[0] ?? '';
    };
    statusAfter.set('alembic/versions/0001_initial.py', status(versions[0]?.design as Design));
    for (const r of planRevisions(versions, working).revisions) {
      const version = versions.find((v) => v.message === r.message);
      statusAfter.set(r.path, status(version?.design ?? working));
      if (r.message === SAMPLES) samplesFile = path.basename(r.path);
      if (r.message === 'Topics get UUID keys') topicsFile = path.basename(r.path);
    }
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  const exec = async (tool: 'alembic' | 'python', args: string[], url: string) => {
    const ran = await run(toolchain.command(tool, args, root), projectEnv({ DATABASE_URL: url }), 60_000);
    if (ran.code !== 0) throw new Error(`${tool} ${args.join(' ')} failed:\n${ran.output}`);
    return ran.output;
  };

  it('the revisions are ruff-formatted and lint clean', async () => {
    const project = { design: 'history', dir: root, toolchain };
    const format = await ruffFormatStep(project);
    const check = await ruffCheckStep(project);
    expect(format.failures).toEqual([]);
    expect(check.failures).toEqual([]);
  });

  async function scenario(url: string, syncUrl: string) {
    expect(revisions.length).toBeGreaterThanOrEqual(16);
    const files = readdirSync(path.join(root, 'alembic/versions'))
      .filter((f) => f.endsWith('.py'))
      .sort();
    for (const [i, file] of files.entries()) {
      const text = readFileSync(path.join(root, 'alembic/versions', file), 'utf8');
      const revision = /^revision: str = "([^"]+)"/m.exec(text)?.[1] as string;
      await exec('alembic', ['upgrade', revision], url);
      const status = statusAfter.get(`alembic/versions/${file}`) ?? '';
      await exec('python', [helper, syncUrl, 'insert', `s${i + 1}`, status], url);
      if (file === samplesFile)
        await exec('python', [helper, syncUrl, 'rows', JSON.stringify(SAMPLE_ROWS)], url);
    }
    const head = /^revision: str = "([^"]+)"/m.exec(
      readFileSync(path.join(root, 'alembic/versions', files.at(-1) as string), 'utf8'),
    )?.[1];
    const current = await exec('alembic', ['current'], url);
    expect(current).toContain(`${head} (head)`);
    await exec('alembic', ['check'], url);
    const dump = JSON.parse(await exec('python', [helper, syncUrl, 'dump'], url)) as Dump;
    expect(Object.keys(dump).sort()).toEqual(['articles', 'people', 'samples', 'topics']);
    const people = dump.people ?? [];
    const articles = dump.articles ?? [];
    // A row from every step survived, with its untouched columns.
    expect(people.length).toBe(files.length);
    expect(people.map((r) => r.email)).toContain('s1-email');
    expect(articles.length).toBe(files.length);
    // Renamed column (title -> headline, posts -> articles) kept its data.
    expect(articles.map((r) => r.headline)).toContain('s1-title');
    // Renamed FK column (author_id -> writer_id) kept its data.
    expect(articles.find((r) => r.headline === 's1-title')?.writer_id).toBe('1');
    // New NOT NULL columns were backfilled.
    expect(articles.find((r) => r.headline === 's1-title')?.rating).toBe('0');
    expect(people.find((r) => r.email === 's1-email')?.active).toMatch(/^(False|0|false)$/);
    // Enum (shared by both tables, values added, 'draft' removed, renamed, back to text, another enum): the
    // new NOT NULL column was backfilled with its default; rows holding the removed value (or free text that
    // is not a value) got the default (writers) or NULL (articles, nullable); other values survived it all.
    expect(people.find((r) => r.email === 's1-email')?.status).toBe('live');
    for (const rows of [people, articles]) {
      expect(rows.map((r) => r.status)).not.toContain('draft');
      expect(rows.filter((r) => r.status?.endsWith('-status'))).toEqual([]);
    }
    const retired = [...statusAfter.values()].filter((v) => v === 'draft').length;
    expect(retired).toBeGreaterThanOrEqual(1);
    expect(people.filter((r) => r.status === 'live').length).toBeGreaterThanOrEqual(retired + 1);
    expect(articles.filter((r) => r.status === 'None').length).toBeGreaterThanOrEqual(retired);
    expect(articles.map((r) => r.status)).toContain('in_review');
    // Type changes of every family: the values that convert did, the others became NULL (or zero).
    const samples = dump.samples ?? [];
    const converted = samples.find((r) => r.qty === '42');
    expect(converted).toMatchObject(CONVERTED);
    expect(converted?.at).toMatch(/^2025-02-03 04:05:06(\+00:00)?$/);
    // (SQLite stores a UUID as 32 hex digits, which the reflected CHAR(32) shows as they are.)
    expect(converted?.ref?.replace(/-/g, '')).toBe('0f8fad5bd9cb469fa16570867728950e');
    expect(samples.find((r) => r.price === '0.00' && r.ratio === '0')).toMatchObject(NOT_CONVERTED);
    // The row inserted as text before the change (`s<n>-qty`...) converted to nothing either.
    expect(samples.filter((r) => r.qty === 'None' && r.price === '0.00')).toHaveLength(2);
    // The topics were re-created with UUID keys: the rows from before are gone, references to them NULL.
    const since = files.length - files.indexOf(topicsFile);
    expect(since).toBeGreaterThan(0);
    expect((dump.topics ?? []).length).toBe(since);
    expect(articles.filter((r) => r.topic_id === 'None').length).toBe(files.length - since);
    // Down to the samples' revision: the typed values convert back to text (and the others to their types).
    const samplesRevision = /^revision: str = "([^"]+)"/m.exec(
      readFileSync(path.join(root, 'alembic/versions', samplesFile), 'utf8'),
    )?.[1] as string;
    await exec('alembic', ['downgrade', samplesRevision], url);
    const back = JSON.parse(await exec('python', [helper, syncUrl, 'dump'], url)) as Dump;
    const again = (back.samples ?? []).find((r) => r.qty === '42');
    expect(again).toMatchObject({
      price: '12.5',
      ok: 'true',
      day: '2025-02-03',
      ref: '0f8fad5b-d9cb-469f-a165-70867728950e',
      meta: '{"a": [1, 2]}',
      hits: '1',
      ratio: '3.0',
      data: "{'k': 'v'}",
    });
    expect(again?.at).toMatch(/^2025-02-03 04:05:06/);
    expect(again?.born).toMatch(/^2025-02-03 00:00:00/);
    await exec('alembic', ['downgrade', 'base'], url);
    const after = JSON.parse(await exec('python', [helper, syncUrl, 'dump'], url)) as Dump;
    expect(Object.keys(after)).toEqual([]);
  }

  it('sqlite: one revision at a time with data, check, downgrade base', async () => {
    const file = path.join(root, '.history.db');
    await scenario(`sqlite+aiosqlite:///${toolchain.inner(file)}`, `sqlite:///${toolchain.inner(file)}`);
  }, 300_000);

  const admin = process.env.TEST_DATABASE_URL;
  it.skipIf(!admin && !process.env.CI)(
    'postgres: the same',
    async () => {
      if (!admin) throw new Error('TEST_DATABASE_URL is not set (required in CI)');
      const db = await createDatabase(admin, 'history');
      try {
        await scenario(db.url, db.url);
        expect(await leftovers(admin, db.name)).toEqual([]);
      } finally {
        await dropDatabase(admin, db.name).catch(() => undefined);
      }
    },
    300_000,
  );
});

/**
 * Plain SQL for PostgreSQL through the real Python toolchain in the sandbox (skipped without one, failed in CI):
 * the offline migrations follow the committed history, and the schema DDL and the migrations both apply to a
 * real PostgreSQL server (TEST_DATABASE_URL) and give the same tables.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyOperations, templates } from '@/lib/design';
import { type DesignVersion, generateProject } from '@/lib/generator';
import { sandboxAvailability, skipNote } from './preview/test-support';
import { projectSql } from './sql';

const available = await sandboxAvailability();

const v1 = templates.shop();
const v2 = applyOperations(v1, [
  { op: 'renameField', fieldId: 'f_product_description', name: 'summary' },
  {
    op: 'updateEnumValues',
    enumId: 'enum_order_status',
    values: ['pending', 'paid', 'shipped', 'cancelled', 'refunded'],
  },
  {
    op: 'addField',
    entityId: 'e_product',
    field: { id: 'f_product_sku', name: 'sku', type: 'string', nullable: true },
  },
]);
const history: DesignVersion[] = [
  { id: 'v1', message: 'Initial', createdAt: new Date('2025-01-01T00:00:00Z'), design: v1 },
  { id: 'v2', message: 'Catalogue', createdAt: new Date('2025-01-02T00:00:00Z'), design: v2 },
];
// The working design: one more change after v2 (the pending revision).
const current = applyOperations(v2, [
  {
    op: 'addField',
    entityId: 'e_order',
    field: { id: 'f_order_note', name: 'note', type: 'text', nullable: true },
  },
]);

function filesOf(design: typeof current, versions: readonly DesignVersion[]) {
  const generated = generateProject(design, { history: versions });
  if (!generated.ok) throw new Error(JSON.stringify(generated.problems));
  return generated.files;
}

const adminUrl = process.env.TEST_DATABASE_URL;
const created: string[] = [];

async function throwawayDatabase(): Promise<pg.Client> {
  const name = `fastdraft_sql_${process.pid}_${Date.now().toString(36)}_${created.length}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(adminUrl as string);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

afterAll(async () => {
  if (!adminUrl || created.length === 0) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name",
    [table],
  );
  return rows.map((r) => r.column_name);
}

describe.skipIf(!available.ok)(`PostgreSQL SQL of a generated project${skipNote(available)}`, () => {
  const runtime = available.ok ? available.runtime : (null as never);
  let result: Awaited<ReturnType<typeof projectSql>>;

  it('makes the offline migrations (every revision, in order) and the schema DDL', async () => {
    const started = performance.now();
    result = await projectSql(filesOf(current, history), runtime);
    console.log(`projectSql: ${Math.round(performance.now() - started)} ms`);
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    if (!result.ok) return;
    const { migrations, schema } = result;
    expect(migrations).toMatch(/^-- PostgreSQL migrations/);
    const order = ['-- Running upgrade  -> 0001', '-- Running upgrade 0001 -> 0002_', ' -> 0003_'];
    const at = order.map((marker) => migrations.indexOf(marker));
    expect(
      at.every((i) => i >= 0),
      migrations
        .split('\n')
        .filter((l) => l.startsWith('-- '))
        .join('\n'),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(migrations).toContain('CREATE TABLE products');
    // Renames stay renames.
    expect(migrations).toMatch(/ALTER TABLE products RENAME (COLUMN )?description TO summary/);
    expect(migrations).toMatch(/ALTER TABLE orders ADD COLUMN note TEXT/);
    expect(migrations).toContain('COMMIT;');
    expect(migrations).not.toMatch(/[ \t]$/m);

    expect(schema).toMatch(/^-- PostgreSQL schema/);
    expect(schema).toContain('CREATE TABLE products');
    expect(schema).toMatch(/summary TEXT/);
    expect(schema).toMatch(/CREATE UNIQUE INDEX ix_products_slug ON products \(slug\);/);
    expect(schema).not.toContain('alembic_version');
    // Dependency order: a table comes after the tables it references.
    expect(schema.indexOf('CREATE TABLE orders')).toBeLessThan(schema.indexOf('CREATE TABLE order_lines'));
    expect(schema.indexOf('CREATE TABLE products')).toBeLessThan(schema.indexOf('CREATE TABLE order_lines'));
  }, 60_000);

  it('without history: one initial revision', async () => {
    const plain = await projectSql(filesOf(v1, []), runtime);
    expect(plain.ok, plain.ok ? '' : plain.error).toBe(true);
    if (plain.ok) {
      expect(plain.migrations).toContain('-- Running upgrade  -> 0001');
      expect(plain.migrations).not.toContain('-> 0002');
    }
  }, 60_000);

  it.skipIf(!adminUrl)(
    'the schema and the migrations apply to PostgreSQL and give the same tables',
    async () => {
      expect(result?.ok).toBe(true);
      if (!result.ok) return;
      const fromSchema = await throwawayDatabase();
      const fromMigrations = await throwawayDatabase();
      try {
        await fromSchema.query(result.schema);
        await fromMigrations.query(result.migrations);
        const tables = await tablesOf(fromSchema);
        expect(tables).toEqual(expect.arrayContaining(['users', 'products', 'orders', 'order_lines']));
        expect((await tablesOf(fromMigrations)).filter((t) => t !== 'alembic_version')).toEqual(tables);
        for (const table of tables) {
          expect(await columnsOf(fromMigrations, table), table).toEqual(await columnsOf(fromSchema, table));
        }
        expect(await columnsOf(fromSchema, 'products')).toEqual(expect.arrayContaining(['summary', 'sku']));
        const version = await fromMigrations.query('SELECT version_num FROM alembic_version');
        expect(version.rows).toEqual([{ version_num: expect.stringMatching(/^0003_/) }]);
        // The tables work: a product goes in.
        await fromSchema.query(
          "INSERT INTO products (name, slug, price, stock, active) VALUES ('Pen', 'pen', 1.5, 3, true)",
        );
        expect((await fromSchema.query('SELECT count(*)::int AS n FROM products')).rows[0]).toEqual({ n: 1 });
      } finally {
        await Promise.all([fromSchema.end(), fromMigrations.end()]);
      }
    },
    60_000,
  );
});

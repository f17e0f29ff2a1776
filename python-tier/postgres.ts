/** Fresh PostgreSQL databases for the tier: one per design and step, dropped afterwards. */
import pg from 'pg';

let counter = 0;

/** `postgresql+psycopg://` URL of `database` on the server of `adminUrl` (what the generated app expects). */
export function appUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString().replace(/^postgres(ql)?:/, 'postgresql+psycopg:');
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and returns its name and app URL. */
export async function createDatabase(
  adminUrl: string,
  label: string,
): Promise<{ name: string; url: string }> {
  counter += 1;
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const name = `fdtier_${process.pid}_${counter}_${slug}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return { name, url: appUrl(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Whether the server answers (so an unreachable TEST_DATABASE_URL fails once, clearly). */
export async function reachable(adminUrl: string): Promise<string | null> {
  try {
    await admin(adminUrl, (c) => c.query('SELECT 1'));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Tables, views, sequences and types left in `database` apart from Alembic's own table. */
export async function leftovers(adminUrl: string, database: string): Promise<string[]> {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return admin(url.toString(), async (c) => {
    const relations = await c.query<{ name: string }>(
      `SELECT c.relkind::text || ' ' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'S', 'm') AND c.relname <> 'alembic_version'`,
    );
    const types = await c.query<{ name: string }>(
      `SELECT 'type ' || t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS
       (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)`,
    );
    return [...relations.rows, ...types.rows].map((r) =>
      r.name.replace(/^r /, 'table ').replace(/^S /, 'sequence '),
    );
  });
}

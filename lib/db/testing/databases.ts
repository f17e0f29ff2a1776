import { type DbHandle, openDb } from '../connect';

/**
 * The databases integration tests run against: always an in-memory PGlite, plus the real PostgreSQL server
 * named by TEST_DATABASE_URL when set (CI starts one). Tests create their own users, so runs never collide.
 */
export const testDatabases: { name: string; open: () => Promise<DbHandle> }[] = [
  { name: 'pglite', open: () => openDb({ kind: 'pglite', dataDir: null }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres', open: () => openDb({ kind: 'postgres', url: process.env.TEST_DATABASE_URL! }) }]
    : []),
];

let counter = 0;
/** A unique email so tests sharing one PostgreSQL database never collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}@example.test`;
}

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unexpectedError } from '@/lib/api/route';
import type { DbHandle } from './connect';
import { describeError, isDiskFull } from './errors';
import { workspaces } from './schema';
import { testDatabases } from './testing/databases';

vi.mock('@/lib/auth/session', () => ({ currentUser: async () => null }));

describe.each(testDatabases)('database errors on $name', (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it('are logged by code and message, never with the query parameters (a whole design)', async () => {
    const secret = 'SECRET-DESIGN-TEXT'.repeat(100);
    const error = await handle.db
      .insert(workspaces)
      .values({ ownerId: 'no-such-user', name: 'x', design: { secret } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    expect(describeError(error)).toMatch(/23503/);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = unexpectedError(error, 'PUT /api/test');
    expect(response.status).toBe(500);
    expect(log.mock.calls.flat().join(' ')).not.toContain('SECRET-DESIGN-TEXT');
    log.mockRestore();
  });
});

describe('disk full', () => {
  it('is recognised from the file system, PostgreSQL and PGlite, and answers 507', async () => {
    const fs = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const quota = Object.assign(new Error('EDQUOT'), { code: 'EDQUOT' });
    const pg = {
      message: 'Failed query: insert ...',
      cause: Object.assign(new Error('could not extend file'), { code: '53100' }),
    };
    const pglite = new Error('could not write to file "pg_wal/xlogtemp": No space left on device');
    for (const e of [fs, quota, pg, pglite]) expect(isDiskFull(e)).toBe(true);
    expect(isDiskFull(new Error('boom'))).toBe(false);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = unexpectedError(fs, 'PUT /api/test');
    log.mockRestore();
    expect(response.status).toBe(507);
    expect(await response.json()).toEqual({
      error: { code: 'insufficient_storage', message: 'The server is out of disk space.' },
    });
  });
});

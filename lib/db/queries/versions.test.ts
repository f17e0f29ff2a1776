import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
import { createUser } from './users';
import { createVersion, getVersion, listVersions, versionHistory } from './versions';
import { createWorkspace, deleteWorkspace } from './workspaces';

describe.each(testDatabases)('design versions on $name', ({ open }) => {
  let handle: DbHandle;
  let alice: string;

  beforeAll(async () => {
    handle = await open();
    alice = (await createUser(handle.db, { email: uniqueEmail('alice'), name: null, passwordHash: 'x' }))!.id;
  });
  afterAll(() => handle.close());

  it('numbers versions per workspace, lists them oldest first and keeps their designs', async () => {
    const one = await createWorkspace(handle.db, alice, { name: 'One', design: { n: 0 } });
    const two = await createWorkspace(handle.db, alice, { name: 'Two', design: { n: 0 } });
    const commit = (workspaceId: string, n: number) =>
      createVersion(handle.db, { workspaceId, authorId: alice, message: `v${n}`, design: { n } });
    await commit(one.id, 1);
    await commit(two.id, 1);
    await Promise.all([commit(one.id, 2), commit(one.id, 3)]);
    const listed = await listVersions(handle.db, one.id);
    expect(listed.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(listed[0]?.authorEmail).toMatch(/^alice/);
    expect((await listVersions(handle.db, two.id)).map((v) => v.number)).toEqual([1]);
    expect((await getVersion(handle.db, one.id, 1))?.design).toEqual({ n: 1 });
    expect(await getVersion(handle.db, one.id, 9)).toBeNull();
    expect((await versionHistory(handle.db, one.id)).map((v) => v.message)).toEqual([
      'v1',
      expect.any(String),
      expect.any(String),
    ]);
    await deleteWorkspace(handle.db, alice, one.id);
    expect(await listVersions(handle.db, one.id)).toEqual([]);
  });
});

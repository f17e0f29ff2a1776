import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
import { createUser } from './users';
import {
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
  saveDesign,
} from './workspaces';

describe.each(testDatabases)('workspaces on $name', ({ open }) => {
  let handle: DbHandle;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    handle = await open();
    alice = (await createUser(handle.db, { email: uniqueEmail('alice'), name: null, passwordHash: 'x' }))!.id;
    bob = (await createUser(handle.db, { email: uniqueEmail('bob'), name: null, passwordHash: 'x' }))!.id;
  });
  afterAll(() => handle.close());

  it('creates, lists newest first, renames and deletes for the owner', async () => {
    const first = await createWorkspace(handle.db, alice, { name: 'First', design: { a: 1 } });
    const second = await createWorkspace(handle.db, alice, { name: 'Second', design: { a: 2 } });
    await renameWorkspace(handle.db, alice, first.id, 'First, renamed');
    const names = (await listWorkspaces(handle.db, alice)).map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['First, renamed', 'Second']);
    expect(await deleteWorkspace(handle.db, alice, second.id)).toBe(true);
    expect(await getWorkspace(handle.db, alice, second.id)).toBeNull();
  });

  it('hides a workspace from every other user: read, rename, duplicate, delete, save', async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Private', design: { secret: true } });
    expect(await listWorkspaces(handle.db, bob)).toEqual([]);
    expect(await getWorkspace(handle.db, bob, ws.id)).toBeNull();
    expect(await renameWorkspace(handle.db, bob, ws.id, 'Mine now')).toBeNull();
    expect(await duplicateWorkspace(handle.db, bob, ws.id, 'Copy')).toBeNull();
    expect(await deleteWorkspace(handle.db, bob, ws.id)).toBe(false);
    expect(await saveDesign(handle.db, bob, ws.id, { evil: true }, 1)).toEqual({ status: 'not-found' });
    const stored = await getWorkspace(handle.db, alice, ws.id);
    expect(stored).toMatchObject({ name: 'Private', design: { secret: true }, version: 1 });
  });

  it("keeps the design's name equal to the workspace name on create, rename, save and duplicate", async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Shop', design: { name: 'Old', v: 1 } });
    const nameOf = async (id: string) => {
      const row = await getWorkspace(handle.db, alice, id);
      return { name: row?.name, designName: (row?.design as { name?: string } | undefined)?.name };
    };
    expect(await nameOf(ws.id)).toEqual({ name: 'Shop', designName: 'Shop' });
    await renameWorkspace(handle.db, alice, ws.id, 'Shop “2”');
    expect(await nameOf(ws.id)).toEqual({ name: 'Shop “2”', designName: 'Shop “2”' });
    // A save carrying another name (a stale tab) does not rename anything.
    expect(await saveDesign(handle.db, alice, ws.id, { name: 'Stale', v: 2 }, 1)).toMatchObject({
      status: 'saved',
    });
    expect(await nameOf(ws.id)).toEqual({ name: 'Shop “2”', designName: 'Shop “2”' });
    expect((await getWorkspace(handle.db, alice, ws.id))?.design).toEqual({ name: 'Shop “2”', v: 2 });
    const copy = await duplicateWorkspace(handle.db, alice, ws.id, 'Copy of Shop');
    expect(await nameOf(copy!.id)).toEqual({ name: 'Copy of Shop', designName: 'Copy of Shop' });
  });

  it('duplicates a workspace with its design', async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Original', design: { entities: [1, 2] } });
    const copy = await duplicateWorkspace(handle.db, alice, ws.id, 'Copy of Original');
    expect(copy?.id).not.toBe(ws.id);
    expect((await getWorkspace(handle.db, alice, copy!.id))?.design).toEqual({ entities: [1, 2] });
  });

  it('saves with optimistic concurrency: a stale base version is a conflict and changes nothing', async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Concurrent', design: { v: 1 } });
    const saved = await saveDesign(handle.db, alice, ws.id, { v: 2 }, 1);
    expect(saved).toMatchObject({ status: 'saved', version: 2 });
    const stale = await saveDesign(handle.db, alice, ws.id, { v: 'stale' }, 1);
    expect(stale).toEqual({ status: 'conflict', version: 2 });
    expect((await getWorkspace(handle.db, alice, ws.id))?.design).toEqual({ v: 2 });
  });

  it('two concurrent saves on the same base: exactly one wins', async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Race', design: { v: 0 } });
    const results = await Promise.all([
      saveDesign(handle.db, alice, ws.id, { v: 'a' }, 1),
      saveDesign(handle.db, alice, ws.id, { v: 'b' }, 1),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
  });
});

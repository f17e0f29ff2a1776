import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../connect';
import { testDatabases, uniqueEmail } from '../testing/databases';
import { workspaceAccess } from './access';
import {
  addMember,
  createShareLink,
  hashShareToken,
  listMembers,
  listShareLinks,
  removeMember,
  resolveShareToken,
  revokeShareLink,
} from './shares';
import { createUser } from './users';
import {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
  saveDesign,
} from './workspaces';

describe.each(testDatabases)('sharing on $name', ({ open }) => {
  let handle: DbHandle;
  let alice: string;
  let aliceEmail: string;
  let bob: string;
  let carol: string;

  beforeAll(async () => {
    handle = await open();
    aliceEmail = uniqueEmail('alice');
    alice = (await createUser(handle.db, { email: aliceEmail, name: null, passwordHash: 'x' }))!.id;
    bob = (await createUser(handle.db, { email: uniqueEmail('bob'), name: null, passwordHash: 'x' }))!.id;
    carol = (await createUser(handle.db, { email: uniqueEmail('carol'), name: null, passwordHash: 'x' }))!.id;
  });
  afterAll(() => handle.close());

  it('stores only the hash of a 256-bit token; resolves, stamps last use, revokes', async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Shared', design: { a: 1 } });
    const now = new Date();
    const { token, link } = await createShareLink(handle.db, {
      workspaceId: ws.id,
      role: 'view',
      createdBy: alice,
      expiresAt: null,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashShareToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await listShareLinks(handle.db, ws.id))).not.toContain(token);
    const resolved = await resolveShareToken(handle.db, token, now);
    expect(resolved).toMatchObject({ status: 'ok', workspace: { id: ws.id }, link: { role: 'view' } });
    expect((await listShareLinks(handle.db, ws.id))[0]?.lastUsedAt?.getTime()).toBe(now.getTime());
    // One character off (a token ending in A would otherwise stay the same: a 1-in-64 flake).
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await resolveShareToken(handle.db, altered, now)).toEqual({ status: 'unknown' });
    expect(await resolveShareToken(handle.db, 'short', now)).toEqual({ status: 'unknown' });
    expect(await revokeShareLink(handle.db, ws.id, link.id, now)).toBe(true);
    expect(await revokeShareLink(handle.db, ws.id, link.id, now)).toBe(false);
    expect(await resolveShareToken(handle.db, token, now)).toEqual({ status: 'gone' });
    expect(await listShareLinks(handle.db, ws.id)).toEqual([]);
  });

  it('an expired link is gone', async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Expiring', design: {} });
    const expiresAt = new Date(Date.now() + 60_000);
    const { token } = await createShareLink(handle.db, {
      workspaceId: ws.id,
      role: 'edit',
      createdBy: alice,
      expiresAt,
    });
    expect((await resolveShareToken(handle.db, token, new Date())).status).toBe('ok');
    expect(await resolveShareToken(handle.db, token, new Date(expiresAt.getTime() + 1))).toEqual({
      status: 'gone',
    });
  });

  it('collaborators read and save, list it as shared, cannot rename or delete; removal hides it again', async () => {
    const ws = await createWorkspace(handle.db, alice, { name: 'Team', design: { v: 1 } });
    expect(await workspaceAccess(handle.db, bob, ws.id)).toBeNull();
    await addMember(handle.db, ws.id, bob);
    await addMember(handle.db, ws.id, bob); // idempotent
    expect((await workspaceAccess(handle.db, alice, ws.id))?.role).toBe('owner');
    expect((await workspaceAccess(handle.db, bob, ws.id))?.role).toBe('editor');
    expect(await workspaceAccess(handle.db, carol, ws.id)).toBeNull();
    expect(await getWorkspace(handle.db, bob, ws.id)).toMatchObject({ id: ws.id });
    expect(await saveDesign(handle.db, bob, ws.id, { v: 2 }, 1)).toMatchObject({
      status: 'saved',
      version: 2,
    });
    expect(await saveDesign(handle.db, carol, ws.id, { v: 3 }, 2)).toEqual({ status: 'not-found' });
    expect(await renameWorkspace(handle.db, bob, ws.id, 'Mine')).toBeNull();
    expect(await deleteWorkspace(handle.db, bob, ws.id)).toBe(false);
    const listed = (await listWorkspaces(handle.db, bob)).find((w) => w.id === ws.id);
    expect(listed).toMatchObject({ role: 'editor', ownerEmail: aliceEmail, name: 'Team' });
    expect((await listWorkspaces(handle.db, alice)).find((w) => w.id === ws.id)?.role).toBe('owner');
    expect((await listMembers(handle.db, ws.id)).map((m) => m.userId)).toEqual([bob]);
    expect(await removeMember(handle.db, ws.id, bob)).toBe(true);
    expect(await workspaceAccess(handle.db, bob, ws.id)).toBeNull();
    expect(await getWorkspace(handle.db, bob, ws.id)).toBeNull();
    expect((await listWorkspaces(handle.db, bob)).some((w) => w.id === ws.id)).toBe(false);
  });
});

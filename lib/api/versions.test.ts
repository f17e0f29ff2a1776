/**
 * The versions API end to end through its route handlers (session and database handle stubbed; PGlite):
 * commit, list, diff with data-loss warnings, restore as a new version, access rules, and the generate route
 * emitting one Alembic revision per schema-changing version.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createUser } from '@/lib/db/queries/users';
import { createWorkspace, saveDesign } from '@/lib/db/queries/workspaces';
import { testDatabases, uniqueEmail } from '@/lib/db/testing/databases';
import { applyOperations } from '@/lib/design/operations';
import { templates } from '@/lib/design/templates';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));

const versions = await import('@/app/api/workspaces/[id]/versions/route');
const diff = await import('@/app/api/workspaces/[id]/versions/[n]/diff/[m]/route');
const restore = await import('@/app/api/workspaces/[id]/versions/[n]/restore/route');
const generate = await import('@/app/api/workspaces/[id]/generate/route');

const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const post = (body: unknown) =>
  new Request('http://local/api', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const get = () => new Request('http://local/api');

describe('versions API', () => {
  let alice: SessionUser;
  let bob: SessionUser;
  let id = '';

  beforeAll(async () => {
    state.handle = await (testDatabases[0] as (typeof testDatabases)[number]).open();
    const db = state.handle.db;
    const make = async (name: string) => {
      const email = uniqueEmail(name);
      const row = await createUser(db, { email, name: null, passwordHash: 'x' });
      return { id: row!.id, email, name: null };
    };
    alice = await make('alice');
    bob = await make('bob');
    id = (await createWorkspace(db, alice.id, { name: 'Todo', design: templates.todo() })).id;
  });
  afterAll(() => state.handle?.close());

  it('commits, lists, diffs, restores; generation follows the history', async () => {
    state.user = alice;
    const first = await versions.POST(post({ message: 'Initial' }), ctx({ id }));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ number: 1, message: 'Initial', authorEmail: alice.email });

    const design = templates.todo();
    const entity = design.entities[0]!;
    const field = entity.fields[0]!;
    const changed = applyOperations(design, [
      { op: 'renameField', fieldId: field.id, name: 'renamed_field' },
      { op: 'deleteEntity', entityId: design.entities[1]!.id },
    ]);
    const saved = await saveDesign(state.handle!.db, alice.id, id, changed, 1);
    expect(saved.status).toBe('saved');
    expect((await versions.POST(post({ message: 'Rename and drop' }), ctx({ id }))).status).toBe(201);

    const listed = await (await versions.GET(get(), ctx({ id }))).json();
    expect(listed.items.map((v: { number: number }) => v.number)).toEqual([1, 2]);

    const d = await diff.GET(get(), ctx({ id, n: '1', m: '2' }));
    expect(d.status).toBe(200);
    const body = await d.json();
    expect(body.fields.changed).toContainEqual(
      expect.objectContaining({ id: field.id, name: 'renamed_field' }),
    );
    expect(body.entities.removed.map((e: { id: string }) => e.id)).toEqual([design.entities[1]!.id]);
    expect(body.warnings.map((w: { kind: string }) => w.kind)).toContain('dropped-table');

    const generated = await (await generate.POST(post({}), ctx({ id }))).json();
    expect(generated.ok).toBe(true);
    const revisions = Object.keys(generated.files).filter((f: string) => f.startsWith('alembic/versions/'));
    expect(revisions).toEqual([
      'alembic/versions/0001_initial.py',
      'alembic/versions/0002_rename_and_drop.py',
    ]);
    expect(generated.files['alembic/versions/0002_rename_and_drop.py']).toContain('new_column_name=');

    const restored = await restore.POST(post({}), ctx({ id, n: '1' }));
    expect(restored.status).toBe(201);
    expect(await restored.json()).toMatchObject({ version: { number: 3, message: 'Restore version 1' } });
    const after = await (await versions.GET(get(), ctx({ id }))).json();
    expect(after.items).toHaveLength(3);
  });

  it('hides versions from others and refuses bad input', async () => {
    state.user = bob;
    expect((await versions.GET(get(), ctx({ id }))).status).toBe(404);
    expect((await versions.POST(post({ message: 'x' }), ctx({ id }))).status).toBe(404);
    expect((await restore.POST(post({}), ctx({ id, n: '1' }))).status).toBe(404);
    state.user = alice;
    expect((await versions.POST(post({ message: ' ' }), ctx({ id }))).status).toBe(422);
    expect((await diff.GET(get(), ctx({ id, n: '1', m: '99' }))).status).toBe(404);
    expect((await diff.GET(get(), ctx({ id, n: 'x', m: '1' }))).status).toBe(404);
    state.user = null;
    expect((await versions.GET(get(), ctx({ id }))).status).toBe(401);
  });
});

/**
 * The versions API end to end through its route handlers (session and database handle stubbed; PGlite):
 * commit, list, diff with data-loss warnings, restore as a new version, access rules, and the generate route
 * emitting one Alembic revision per schema-changing version.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, getRequest, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createShareLink } from '@/lib/db/queries/shares';
import { createWorkspace, saveDesign } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { applyOperations } from '@/lib/design/operations';
import { templates } from '@/lib/design/templates';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));

const versions = await import('@/app/api/workspaces/[id]/versions/route');
const diff = await import('@/app/api/workspaces/[id]/versions/[n]/diff/[m]/route');
const restore = await import('@/app/api/workspaces/[id]/versions/[n]/restore/route');
const generate = await import('@/app/api/workspaces/[id]/generate/route');
const pending = await import('@/app/api/workspaces/[id]/versions/pending-diff/route');
const shareGenerate = await import('@/app/api/share/[token]/generate/route');

const post = postJson;
const get = getRequest;

describe('versions API', () => {
  let alice: SessionUser;
  let bob: SessionUser;
  let id = '';

  beforeAll(async () => {
    state.handle = await (testDatabases[0] as (typeof testDatabases)[number]).open();
    const db = state.handle.db;
    const make = (name: string) => testUser(db, name);
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
      // The last entity: the todo items, which nothing else depends on (their list owns them).
      { op: 'deleteEntity', entityId: design.entities[2]!.id },
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
    expect(body.entities.removed.map((e: { id: string }) => e.id)).toEqual([design.entities[2]!.id]);
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

  it('shows what a commit would change before it: the pending diff with its data-loss warnings', async () => {
    state.user = alice;
    const fresh = (
      await createWorkspace(state.handle!.db, alice.id, { name: 'Blog', design: templates.blog() })
    ).id;
    // Before the first version there is nothing to compare with.
    const none = await pending.POST(post({}), ctx({ id: fresh }));
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ base: null, diff: null, problems: 0 });
    expect((await versions.POST(post({ message: 'Initial' }), ctx({ id: fresh }))).status).toBe(201);

    // The stored design is the committed one: no changes, no warnings.
    const same = await (await pending.POST(post({}), ctx({ id: fresh }))).json();
    expect(same.base).toBe(1);
    expect(same.diff.warnings).toEqual([]);
    expect(same.diff.fields).toEqual({ added: [], removed: [], changed: [] });

    // The editor's in-memory design (not saved): a dropped column, a dropped table, a narrowed string.
    const design = templates.blog();
    const post_ = design.entities.find((e) => e.name === 'Post')!;
    const body = post_.fields.find((f) => f.name === 'body')!;
    const title = post_.fields.find((f) => f.name === 'title')!;
    const tag = design.entities.find((e) => e.name === 'Tag')!;
    const edited = applyOperations(design, [
      { op: 'deleteField', fieldId: body.id },
      { op: 'deleteEntity', entityId: tag.id },
      { op: 'updateField', fieldId: title.id, patch: { constraints: { maxLength: 20 } } },
    ]);
    const answer = await pending.POST(post({ design: edited }), ctx({ id: fresh }));
    expect(answer.status).toBe(200);
    const result = await answer.json();
    expect(result).toMatchObject({ base: 1, problems: 0 });
    expect(result.diff.fields.removed).toContainEqual(
      expect.objectContaining({ id: body.id, entity: 'Post' }),
    );
    expect(result.diff.entities.removed.map((e: { id: string }) => e.id)).toEqual([tag.id]);
    const warnings = result.diff.warnings as { kind: string; table: string; column?: string }[];
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: 'dropped-column', table: 'posts', column: 'body' }),
    );
    expect(warnings).toContainEqual(expect.objectContaining({ kind: 'dropped-table', table: 'tags' }));
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: 'narrowed-type', table: 'posts', column: 'title' }),
    );

    // A design with problems: the changes are listed, warnings wait until it generates.
    const broken = applyOperations(edited, [{ op: 'renameEntity', entityId: post_.id, name: 'User' }]);
    const blocked = await (await pending.POST(post({ design: broken }), ctx({ id: fresh }))).json();
    expect(blocked.problems).toBeGreaterThan(0);
    expect(blocked.diff.warnings).toEqual([]);

    // A posted document that is not a design is refused; nothing changed.
    const bad = await pending.POST(post({ design: { entities: 'no' } }), ctx({ id: fresh }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe('validation_failed');

    state.user = bob;
    expect((await pending.POST(post({}), ctx({ id: fresh }))).status).toBe(404);
    state.user = null;
    expect((await pending.POST(post({}), ctx({ id: fresh }))).status).toBe(401);
  });

  it('a view link generates with the history too', async () => {
    const { token } = await createShareLink(state.handle!.db, {
      workspaceId: id,
      role: 'view',
      createdBy: alice.id,
      expiresAt: null,
    });
    state.user = null;
    const generated = await (await shareGenerate.POST(post({}), ctx({ token }))).json();
    expect(generated.ok).toBe(true);
    const revisions = Object.keys(generated.files).filter((f: string) => f.startsWith('alembic/versions/'));
    expect(revisions[0]).toBe('alembic/versions/0001_initial.py');
    expect(revisions).toContain('alembic/versions/0002_rename_and_drop.py');
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

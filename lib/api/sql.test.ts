/**
 * `POST /api/workspaces/{id}/sql` through its route handler (session and database stubbed; PGlite): the SQL of
 * the posted design with migrations following the committed versions, access rules, a design with problems,
 * and the 503 naming what is missing when the server has no sandboxed Python. The SQL itself is checked
 * against PostgreSQL in lib/runner/sql.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createVersion } from '@/lib/db/queries/versions';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { applyOperations, templates } from '@/lib/design';
import type { Availability } from '@/lib/runner/preview/availability';
import { sandboxAvailability, skipNote } from '@/lib/runner/preview/test-support';

const available = await sandboxAvailability();
const state: { user: SessionUser | null; handle: DbHandle | null; availability: Availability } = {
  user: null,
  handle: null,
  availability: available,
};
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));
vi.mock('@/lib/runner/preview/manager', () => ({
  previewManager: () => ({ availability: async () => state.availability }),
}));

const sql = await import('@/app/api/workspaces/[id]/sql/route');

const post = postJson;

describe('PostgreSQL SQL API', () => {
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
    await createVersion(db, {
      workspaceId: id,
      authorId: alice.id,
      message: 'Initial',
      design: templates.todo(),
    });
  });
  afterAll(() => state.handle?.close());

  it.skipIf(!available.ok)(
    `answers the migrations (following the versions) and the schema${skipNote(available)}`,
    async () => {
      state.user = alice;
      state.availability = available;
      const design = templates.todo();
      const entity = design.entities[0]!;
      const edited = applyOperations(design, [
        {
          op: 'addField',
          entityId: entity.id,
          field: { id: 'f_new', name: 'notes', type: 'text', nullable: true },
        },
      ]);
      const answer = await sql.POST(post({ design: edited }), ctx({ id }));
      const body = await answer.json();
      expect(answer.status, JSON.stringify(body)).toBe(200);
      expect(body.migrations).toContain('-- Running upgrade  -> 0001');
      expect(body.migrations).toMatch(/-- Running upgrade 0001 -> 0002_\w+\n/);
      expect(body.migrations).toMatch(/ADD COLUMN notes TEXT/);
      expect(body.schema).toMatch(/CREATE TABLE \w+ \(/);
      expect(body.schema).toMatch(/notes TEXT/);
      // Without a posted design: the stored one, which is version 1 (no pending revision).
      const stored = await (await sql.POST(post({}), ctx({ id }))).json();
      expect(stored.migrations).not.toContain('-> 0002');
    },
    60_000,
  );

  it('says what is missing (503) when the server has no sandboxed Python', async () => {
    state.user = alice;
    state.availability = {
      ok: false,
      missing: ['a Python toolchain (nothing provisioned)'],
      howTo: 'Provision Python: run `npm run python:provision`.',
    };
    const answer = await sql.POST(post({}), ctx({ id }));
    expect(answer.status).toBe(503);
    const { error } = await answer.json();
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('a Python toolchain (nothing provisioned)');
    expect(error.message).toContain('npm run python:provision');
    state.availability = available;
  });

  it('refuses a design with problems (422 with them) and hides the workspace from others', async () => {
    state.user = alice;
    const broken = templates.todo();
    broken.entities[0]!.name = 'class';
    const answer = await sql.POST(post({ design: broken }), ctx({ id }));
    expect(answer.status).toBe(422);
    const { error } = await answer.json();
    expect(error.issues.length).toBeGreaterThan(0);
    expect((await sql.POST(post({ design: 'nope' }), ctx({ id }))).status).toBe(422);
    state.user = bob;
    expect((await sql.POST(post({}), ctx({ id }))).status).toBe(404);
    state.user = null;
    expect((await sql.POST(post({}), ctx({ id }))).status).toBe(401);
  });
});

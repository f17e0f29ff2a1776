/**
 * The import routes end to end (session stubbed; PGlite, and PostgreSQL with TEST_DATABASE_URL): the real
 * importers in the worker pool, the plan, access, and bad sources as 422s with their position. Nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { addMember } from '@/lib/db/queries/shares';
import { createWorkspace, getWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { applyOperations, DesignSchema, type Operation, templates, validateDesign } from '@/lib/design';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));

const importNew = await import('@/app/api/import/route');
const importInto = await import('@/app/api/workspaces/[id]/import/route');

const DDL = `CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE
);
CREATE TABLE posts (
  id serial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL
);
`;

const OPENAPI = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1' },
  paths: {},
  components: {
    schemas: {
      Pet: {
        type: 'object',
        required: ['name'],
        properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 80 } },
      },
    },
  },
});

describe.each(testDatabases)('import routes on $name', ({ open }) => {
  let alice: SessionUser;
  let bob: SessionUser;
  let carol: SessionUser;
  let blogId = '';

  beforeAll(async () => {
    state.handle = await open();
    alice = await testUser(state.handle.db, 'alice');
    bob = await testUser(state.handle.db, 'bob');
    carol = await testUser(state.handle.db, 'carol');
    blogId = (await createWorkspace(state.handle.db, alice.id, { name: 'Blog', design: templates.blog() }))
      .id;
    await addMember(state.handle.db, blogId, carol.id);
  }, 60_000);
  afterAll(() => state.handle?.close());

  it('reads SQL for a new workspace: a report with lines and operations that apply to a blank design', async () => {
    state.user = alice;
    const response = await importNew.POST(postJson({ text: DDL }), ctx({}));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.format).toBe('postgresql');
    expect(body.report.entries).toContainEqual(
      expect.objectContaining({
        status: 'imported',
        subject: expect.stringContaining('users'),
        at: { line: 1, column: expect.any(Number) },
      }),
    );
    const design = DesignSchema.parse(applyOperations(templates.blank(), body.operations as Operation[]));
    expect(validateDesign(design)).toEqual([]);
    expect(design.entities).toHaveLength(2);
    expect(design.relations).toHaveLength(1);
    expect(body.highlight).toEqual(expect.arrayContaining(design.entities.map((e) => e.id)));
    expect(body.clashes).toEqual([]);
  }, 60_000);

  it('detects OpenAPI, and honours an explicit format', async () => {
    state.user = alice;
    const detected = await (await importNew.POST(postJson({ text: OPENAPI }), ctx({}))).json();
    expect(detected.format).toBe('openapi');
    expect(detected.name).toBe('Pets');
    // The same JSON read as SQL is a syntax error at its first character, not a guess.
    const forced = await importNew.POST(postJson({ text: OPENAPI, format: 'postgresql' }), ctx({}));
    expect(forced.status).toBe(422);
  }, 60_000);

  it('a bad file is a 422 with the reason and its line; an empty one too; nothing else', async () => {
    state.user = alice;
    const bad = await importNew.POST(
      postJson({ text: 'CREATE TABLE ok (id int);\nCREATE TABLE (;\n' }),
      ctx({}),
    );
    expect(bad.status).toBe(422);
    const { error } = await bad.json();
    expect(error.code).toBe('validation_failed');
    expect(error.at).toEqual({ line: 2, column: expect.any(Number) });
    expect(error.issues[0]).toMatchObject({ path: 'text', message: expect.stringContaining('line 2') });
    expect((await importNew.POST(postJson({ text: '   ' }), ctx({}))).status).toBe(422);
    expect((await importNew.POST(postJson({ text: 42 }), ctx({}))).status).toBe(422);
    expect((await importNew.POST(postJson({ text: DDL, format: 'oracle' }), ctx({}))).status).toBe(422);
    const notApi = await importNew.POST(postJson({ text: '{"hello": "world"}' }), ctx({}));
    expect(notApi.status).toBe(422);
  }, 60_000);

  it('hostile sources answer, never a 500: deep JSON, a huge line, a statement of 10,000 columns', async () => {
    state.user = alice;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const columns = Array.from({ length: 10_000 }, (_, i) => `c${i} int`).join(', ');
    for (const text of [
      `{"openapi": "3.1.0", "x": ${deep}}`,
      `-- ${'x'.repeat(1_000_000)}\nCREATE TABLE t (id int);`,
      `CREATE TABLE wide (${columns});`,
    ]) {
      const response = await importNew.POST(postJson({ text }), ctx({}));
      expect([200, 422]).toContain(response.status);
    }
  }, 120_000);

  it('merges into a workspace against the posted design: clashes listed, the stored design untouched', async () => {
    state.user = alice;
    const before = await getWorkspace(state.handle!.db, alice.id, blogId);
    const posted = templates.blog();
    const response = await importInto.POST(postJson({ text: DDL, design: posted }), ctx({ id: blogId }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.clashes).toContainEqual(expect.objectContaining({ kind: 'entity', name: 'User' }));
    const merged = applyOperations(posted, body.operations as Operation[]);
    expect(validateDesign(merged)).toEqual(validateDesign(posted));
    expect(merged.entities.length).toBe(posted.entities.length + 2);
    expect(await getWorkspace(state.handle!.db, alice.id, blogId)).toEqual(before);
  }, 60_000);

  it('another user gets a 404, a collaborator may import, no session is a 401', async () => {
    state.user = bob;
    expect((await importInto.POST(postJson({ text: DDL }), ctx({ id: blogId }))).status).toBe(404);
    state.user = carol;
    expect((await importInto.POST(postJson({ text: DDL }), ctx({ id: blogId }))).status).toBe(200);
    state.user = null;
    expect((await importNew.POST(postJson({ text: DDL }), ctx({}))).status).toBe(401);
    expect((await importInto.POST(postJson({ text: DDL }), ctx({ id: blogId }))).status).toBe(401);
  }, 60_000);

  it('a posted design that is not one is a 422 naming it', async () => {
    state.user = alice;
    const response = await importInto.POST(postJson({ text: DDL, design: { name: 3 } }), ctx({ id: blogId }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/not a valid design/);
  }, 60_000);
});

/**
 * The worst inputs through the route handlers (session and database stubbed; PGlite): each gets a clear 4xx,
 * nothing is stored, and the next person's generation still works.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { newField } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { templates } from '@/lib/design/templates';
import { syntheticDesign } from '@/lib/design/testing/synthetic';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));

const designRoute = await import('@/app/api/workspaces/[id]/design/route');
const generate = await import('@/app/api/workspaces/[id]/generate/route');

const put = (body: unknown) =>
  new Request('http://local/api', {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

const nested = (depth: number) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('limits at the API', () => {
  let alice: SessionUser;
  let bob: SessionUser;
  let id = '';
  let bobsId = '';

  beforeAll(async () => {
    state.handle = await (testDatabases[0] as (typeof testDatabases)[number]).open();
    alice = await testUser(state.handle.db, 'alice');
    bob = await testUser(state.handle.db, 'bob');
    id = (await createWorkspace(state.handle.db, alice.id, { name: 'Todo', design: templates.todo() })).id;
    bobsId = (await createWorkspace(state.handle.db, bob.id, { name: 'Blog', design: templates.blog() })).id;
  });
  afterAll(() => state.handle?.close());

  const stored = async () => await (await designRoute.GET(new Request('http://local'), ctx({ id }))).json();

  it('refuses a save over a count (422 naming the path) or over the size (413); nothing is stored', async () => {
    state.user = alice;
    const many = await designRoute.PUT(
      put({ design: syntheticDesign(LIMITS.entities + 1), baseVersion: 1 }),
      ctx({ id }),
    );
    expect(many.status).toBe(422);
    expect((await many.json()).error.issues).toEqual([
      { path: 'entities', message: 'At most 1000 entities.' },
    ]);

    const big = templates.todo();
    (big.entities[0] as { description: string }).description = 'x'.repeat(4.2 * 2 ** 20);
    const large = await designRoute.PUT(put({ design: big, baseVersion: 1 }), ctx({ id }));
    expect(large.status).toBe(413);
    expect((await large.json()).error.code).toBe('payload_too_large');

    const deep = templates.todo();
    deep.entities[0]?.fields.push({ ...newField('deep', 'meta', 'json'), example: nested(1_000) as never });
    const refused = await designRoute.PUT(put({ design: deep, baseVersion: 1 }), ctx({ id }));
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.issues[0].path).toMatch(/^entities\[0\]\.fields\[\d+\]\.example$/);

    expect(await stored()).toMatchObject({ version: 1, design: templates.todo() });
  });

  it('a deep value posted to generate is a 422, and generation keeps working for everyone', async () => {
    state.user = alice;
    const deep = templates.todo();
    (deep.entities[0]?.fields[0] as { example?: unknown }).example = nested(1_000);
    const refused = await generate.POST(postJson({ design: deep }), ctx({ id }));
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.issues).toEqual([
      { path: 'entities[0].fields[0].example', message: 'The value is nested deeper than 32 levels.' },
    ]);
    state.user = bob;
    const ok = await generate.POST(postJson({}), ctx({ id: bobsId }));
    expect(ok.status).toBe(200);
    expect((await ok.json()).ok).toBe(true);
  });

  it('a catastrophic pattern answers promptly with the problem', async () => {
    state.user = alice;
    const design = templates.todo();
    const fields = design.entities[0]?.fields ?? [];
    for (let i = 0; i < 8; i++) {
      fields.push(
        newField(`evil${i}`, `evil_${i}`, 'string', {
          constraints: { pattern: '^(a+)+$' },
          default: { kind: 'literal', value: `${'a'.repeat(5_000)}!` },
        }),
      );
    }
    const started = performance.now();
    const response = await generate.POST(postJson({ design }), ctx({ id }));
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.problems.filter((p: { code: string }) => p.code === 'invalid-default')).toHaveLength(8);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a third generation at once from one person is a 429 with Retry-After', async () => {
    state.user = alice;
    const design = syntheticDesign(150);
    const first = generate.POST(postJson({ design }), ctx({ id }));
    const second = generate.POST(postJson({ design }), ctx({ id }));
    // Both are admitted before the third is read: the route awaits the database before running the job.
    await new Promise((resolve) => setImmediate(resolve));
    const statuses = await Promise.all([first, second, generate.POST(postJson({ design }), ctx({ id }))]);
    const limited = statuses.find((r) => r.status === 429);
    expect(statuses.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    expect(limited?.headers.get('retry-after')).toBe('5');
  });
});

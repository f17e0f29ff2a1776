/**
 * A design stored before the design limits that breaks them (written straight into the database) never makes a
 * route or page answer 500: reading it is a 422 naming the issues (the version a replacing save needs included),
 * generation and preview refuse it with 422, and the editor and share pages say what is wrong.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UnreadableDesign } from '@/components/editor/unreadable-design';
import { ctx, getRequest, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createShareLink } from '@/lib/db/queries/shares';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { workspaces } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design';
import { LIMITS } from '@/lib/design/limits';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/components/editor/editor', () => ({ Editor: () => null }));

const designRoute = await import('@/app/api/workspaces/[id]/design/route');
const generateRoute = await import('@/app/api/workspaces/[id]/generate/route');
const previewRoute = await import('@/app/api/workspaces/[id]/preview/route');
const shareRoute = await import('@/app/api/share/[token]/route');
const { default: WorkspacePage } = await import('@/app/w/[id]/page');
const { default: SharePage } = await import('@/app/s/[token]/page');

/** The todo template with a name past LIMITS.nameLength and a field example nested past LIMITS.jsonDepth. */
function oversizedDesign() {
  const design = templates.todo() as unknown as {
    entities: { name: string; fields: { example?: unknown }[] }[];
  };
  const entity = design.entities[0]!;
  entity.name = 'T'.repeat(LIMITS.nameLength * 4);
  let deep: unknown = 1;
  for (let i = 0; i < LIMITS.jsonDepth + 5; i++) deep = [deep];
  entity.fields[0]!.example = deep;
  return design;
}

describe.each(testDatabases)('a stored design past the limits on $name', (database) => {
  let id = '';
  let token = '';
  let version = 0;
  beforeAll(async () => {
    state.handle = await database.open();
    state.user = await testUser(state.handle.db, 'legacy');
    const ws = await createWorkspace(state.handle.db, state.user.id, {
      name: 'Legacy',
      design: templates.todo(),
    });
    id = ws.id;
    version = ws.version;
    await state.handle.db.update(workspaces).set({ design: oversizedDesign() }).where(eq(workspaces.id, id));
    ({ token } = await createShareLink(state.handle.db, {
      workspaceId: id,
      role: 'view',
      createdBy: state.user.id,
      expiresAt: null,
    }));
  });
  afterAll(() => state.handle?.close());

  const expect422 = async (answer: Response) => {
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.issues.map((i) => i.path);
    expect(paths).toContain('entities[0].name');
    expect(paths.some((p) => p.startsWith('entities[0].fields[0].example'))).toBe(true);
    return body;
  };

  it('GET design answers 422 with the issues and the current version', async () => {
    const body = await expect422(await designRoute.GET(getRequest(), ctx({ id })));
    expect(body.error).toMatchObject({ currentVersion: version });
  });

  it('a save with that version replaces it, and it reads again', async () => {
    const bad = await designRoute.GET(getRequest(), ctx({ id }));
    const { currentVersion } = ((await bad.json()) as { error: { currentVersion: number } }).error;
    const save = new Request('http://local/api', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ design: templates.todo(), baseVersion: currentVersion }),
    });
    expect((await designRoute.PUT(save, ctx({ id }))).status).toBe(200);
    expect((await designRoute.GET(getRequest(), ctx({ id }))).status).toBe(200);
    await state.handle!.db.update(workspaces).set({ design: oversizedDesign() }).where(eq(workspaces.id, id));
  });

  it('generation, preview and the share API refuse it with 422', async () => {
    await expect422(await generateRoute.POST(postJson({}), ctx({ id })));
    await expect422(await previewRoute.POST(postJson({}), ctx({ id })));
    await expect422(await shareRoute.GET(getRequest(), ctx({ token })));
  });

  it('the editor and share pages show the issues instead of failing', async () => {
    for (const page of [
      await WorkspacePage({ params: Promise.resolve({ id }) }),
      await SharePage({ params: Promise.resolve({ token }) }),
    ]) {
      const element = page as { type: unknown; props: { issues: { path: string }[] } };
      expect(element.type).toBe(UnreadableDesign);
      expect(element.props.issues.map((i) => i.path)).toContain('entities[0].name');
    }
  });
});

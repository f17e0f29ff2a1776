/**
 * User code stored with the workspace, through the route handlers (session stubbed; PGlite and PostgreSQL):
 * save and read under the design's version (409 for a tab stale for either), limits (413/422), access (404
 * for strangers, 403 cross-site, a view link reads only), versions carrying the code (commit, diff, restore),
 * and generation / export with the user files at their paths.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, getRequest, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { addMember, createShareLink } from '@/lib/db/queries/shares';
import { createWorkspace, getWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design/templates';
import { readProjectZip } from '@/lib/export/read-zip';
import { USER_CODE_LIMITS } from '@/lib/generator/user-code/schema';
import type { UserCode } from '@/lib/generator/user-code/types';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));

const codeRoute = await import('@/app/api/workspaces/[id]/code/route');
const designRoute = await import('@/app/api/workspaces/[id]/design/route');
const versions = await import('@/app/api/workspaces/[id]/versions/route');
const diff = await import('@/app/api/workspaces/[id]/versions/[n]/diff/[m]/route');
const restore = await import('@/app/api/workspaces/[id]/versions/[n]/restore/route');
const pending = await import('@/app/api/workspaces/[id]/versions/pending-diff/route');
const generate = await import('@/app/api/workspaces/[id]/generate/route');
const exportRoute = await import('@/app/api/workspaces/[id]/export/route');
const shareRoute = await import('@/app/api/share/[token]/route');

const HANDLER = 'app/handlers/publish.py';
const TEST = 'tests/custom/test_publish.py';
const code = (files: Record<string, string>): UserCode => ({
  files: Object.fromEntries(Object.entries(files).map(([path, content]) => [path, { content, base: '' }])),
});
const handlerCode = code({ [HANDLER]: 'def publish() -> str:\n    return "ok"\n' });

type ErrorBody = {
  error: { code: string; issues?: { path: string; message: string }[]; currentVersion?: number };
};

describe.each(testDatabases)('user code API on $name', (database) => {
  let alice: SessionUser;
  let bob: SessionUser;
  let carol: SessionUser;
  let id = '';
  let version = 0;
  const stored = async () => (await getWorkspace(state.handle!.db, alice.id, id))!;
  const put = (userCode: unknown, baseVersion: number) =>
    codeRoute.PUT(postJson({ userCode, baseVersion }), ctx({ id }));

  beforeAll(async () => {
    state.handle = await database.open();
    alice = await testUser(state.handle.db, 'alice');
    bob = await testUser(state.handle.db, 'bob');
    carol = await testUser(state.handle.db, 'carol');
    const ws = await createWorkspace(state.handle.db, alice.id, { name: 'Todo', design: templates.todo() });
    id = ws.id;
    version = ws.version;
    await addMember(state.handle.db, id, carol.id);
  });
  afterAll(() => state.handle?.close());

  it('saves and reads user code under the workspace version', async () => {
    state.user = alice;
    const empty = await codeRoute.GET(getRequest(), ctx({ id }));
    expect(await empty.json()).toEqual({ userCode: { files: {} }, version });
    const saved = await put(handlerCode, version);
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as { version: number };
    expect(body.version).toBe(version + 1);
    version = body.version;
    expect(await (await codeRoute.GET(getRequest(), ctx({ id }))).json()).toEqual({
      userCode: handlerCode,
      version,
    });
  });

  it('shares one version with the design: a tab stale for either gets 409 and nothing changes', async () => {
    state.user = alice;
    // The design saved elsewhere: a code save based on the older version is refused.
    const design = await designRoute.PUT(
      postJson({ design: templates.todo(), baseVersion: version }),
      ctx({ id }),
    );
    expect(design.status).toBe(200);
    const stale = await put(code({ [HANDLER]: 'lost = 1\n' }), version);
    expect(stale.status).toBe(409);
    version += 1;
    expect(((await stale.json()) as ErrorBody).error.currentVersion).toBe(version);
    expect((await stored()).userCode).toEqual(handlerCode);
    // And the other way round: code saved, then a design save based on the older version.
    const next = await put(code({ [HANDLER]: 'x = 1\n' }), version);
    expect(next.status).toBe(200);
    const staleDesign = await designRoute.PUT(
      postJson({ design: templates.blog(), baseVersion: version }),
      ctx({ id }),
    );
    expect(staleDesign.status).toBe(409);
    version += 1;
    expect((await stored()).version).toBe(version);
    expect(await put(handlerCode, version).then((r) => r.status)).toBe(200);
    version += 1;
  });

  it('refuses paths outside the user folders, too many files and too much code (422/413), storing nothing', async () => {
    state.user = alice;
    for (const path of [
      'app/main.py',
      'app/handlers/../main.py',
      'app/handlers/x.txt',
      '/etc/passwd',
      'tests/custom/',
    ]) {
      const answer = await put(code({ [path]: 'x = 1\n' }), version);
      expect(answer.status, path).toBe(422);
      const body = (await answer.json()) as ErrorBody;
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.issues?.[0]?.path).toContain('files');
    }
    const many = Object.fromEntries(
      Array.from({ length: USER_CODE_LIMITS.files + 1 }, (_, i) => [`tests/custom/test_${i}.py`, '']),
    );
    expect((await put(code(many), version)).status).toBe(422);
    // Multi-byte text: under the limit in UTF-16 units, over it in UTF-8 bytes.
    const big = 'é'.repeat(USER_CODE_LIMITS.totalBytes / 2 + 1);
    const tooLarge = await put(code({ [HANDLER]: big }), version);
    expect(tooLarge.status).toBe(413);
    expect((await put({ files: { [HANDLER]: { content: 1 } } }, version)).status).toBe(422);
    expect((await put(handlerCode, 0)).status).toBe(422);
    const now = await stored();
    expect(now.version).toBe(version);
    expect(now.userCode).toEqual(handlerCode);
  });

  it('is 404 for another user, 403 cross-site, and a collaborator saves', async () => {
    state.user = bob;
    expect((await codeRoute.GET(getRequest(), ctx({ id }))).status).toBe(404);
    expect((await put(code({ [HANDLER]: 'bob = 1\n' }), version)).status).toBe(404);
    state.user = alice;
    const crossSite = new Request('http://local/api', {
      method: 'PUT',
      body: JSON.stringify({ userCode: code({ [HANDLER]: 'csrf = 1\n' }), baseVersion: version }),
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    });
    expect((await codeRoute.PUT(crossSite, ctx({ id }))).status).toBe(403);
    expect((await stored()).userCode).toEqual(handlerCode);
    state.user = carol;
    const byCollaborator = await put(
      code({
        [HANDLER]: handlerCode.files[HANDLER]!.content,
        [TEST]: 'def test_x() -> None:\n    assert True\n',
      }),
      version,
    );
    expect(byCollaborator.status).toBe(200);
    version += 1;
  });

  it('shows user code to a view link holder, who cannot write it', async () => {
    const { token } = await createShareLink(state.handle!.db, {
      workspaceId: id,
      role: 'view',
      createdBy: alice.id,
      expiresAt: null,
    });
    state.user = null;
    const shared = (await (await shareRoute.GET(getRequest(), ctx({ token }))).json()) as {
      userCode: UserCode;
    };
    expect(Object.keys(shared.userCode.files)).toEqual([HANDLER, TEST]);
    // A signed-in stranger holding the link is still no member of the workspace.
    state.user = bob;
    expect((await put(code({ [HANDLER]: 'viewer = 1\n' }), version)).status).toBe(404);
    expect(Object.keys(((await stored()).userCode as UserCode).files)).toEqual([HANDLER, TEST]);
  });

  it('commits user code with versions, diffs it in History and restores it', async () => {
    state.user = alice;
    expect((await versions.POST(postJson({ message: 'With handler' }), ctx({ id }))).status).toBe(201);
    const changed = code({
      [HANDLER]: 'def publish() -> str:\n    return "published"\n',
      'app/hooks/todo.py': 'x = 1\n',
    });
    // The pending diff of the editor's unsaved code, before anything is stored.
    const before = (await (await pending.POST(postJson({ userCode: changed }), ctx({ id }))).json()) as {
      diff: { userFiles: unknown };
    };
    expect(before.diff.userFiles).toEqual({
      added: [{ path: 'app/hooks/todo.py', added: 1, removed: 0 }],
      removed: [{ path: TEST, added: 0, removed: 2 }],
      changed: [{ path: HANDLER, added: 1, removed: 1 }],
    });
    expect((await put(changed, version)).status).toBe(200);
    version += 1;
    expect((await versions.POST(postJson({ message: 'Changed handler' }), ctx({ id }))).status).toBe(201);
    const d = (await (await diff.GET(getRequest(), ctx({ id, n: '1', m: '2' }))).json()) as {
      userFiles: unknown;
    };
    expect(d.userFiles).toEqual(before.diff.userFiles);

    const restored = await restore.POST(postJson({}), ctx({ id, n: '1' }));
    expect(restored.status).toBe(201);
    const { designVersion } = (await restored.json()) as { designVersion: number };
    version = designVersion;
    const now = await stored();
    expect(Object.keys((now.userCode as UserCode).files)).toEqual([HANDLER, TEST]);
    expect(now.version).toBe(version);
  });

  it('generates and exports with the user files at their paths; the zip imports back', async () => {
    state.user = alice;
    const posted = code({ [HANDLER]: 'import os\n\n\ndef publish() -> str:\n    return "draft"\n' });
    const generated = (await (await generate.POST(postJson({ userCode: posted }), ctx({ id }))).json()) as {
      ok: true;
      files: Record<string, string>;
      diagnostics: { file: string; code?: string }[];
    };
    expect(generated.ok).toBe(true);
    expect(generated.files[HANDLER]).toBe(posted.files[HANDLER]!.content);
    expect(generated.files['app/main.py']).toBeDefined();
    // The unused import is linted like any file of the project.
    expect(generated.diagnostics.some((d) => d.file === HANDLER)).toBe(true);
    expect(
      (await generate.POST(postJson({ userCode: code({ 'app/main.py': '' }) }), ctx({ id }))).status,
    ).toBe(422);

    const zipped = await exportRoute.GET(getRequest(), ctx({ id }));
    expect(zipped.status).toBe(200);
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    const entries = unzipSync(bytes);
    const storedCode = (await stored()).userCode as UserCode;
    expect(strFromU8(entries[HANDLER]!)).toBe(storedCode.files[HANDLER]!.content);
    expect(entries['design.json']).toBeDefined();
    const back = readProjectZip(bytes);
    expect(back.ok && back.userCode).toEqual(storedCode);
  });
});

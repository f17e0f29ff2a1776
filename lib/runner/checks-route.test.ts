/**
 * `POST /api/workspaces/{id}/checks`: generation in the worker pool, then `checkProject` on the workspace's kept
 * folder (stubbed here: the real tools are covered by project-checks.test.ts). 401/404 never reach the tools,
 * a missing sandbox is a 503 with the reason, bad user code a 422, a conflict answers `blocked` without running
 * anything, and a second run of the same person while one runs is a 429 (session stubbed; PGlite and PostgreSQL).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design';
import type { Availability } from './preview/availability';
import type { ProjectCheckOptions, ProjectChecks } from './project-checks';

type Call = { files: Record<string, string>; options: ProjectCheckOptions | undefined };
const state: {
  user: SessionUser | null;
  handle: DbHandle | null;
  available: Availability;
  calls: Call[];
  gate: Promise<void> | null;
} = {
  user: null,
  handle: null,
  available: { ok: true, runtime: { python: '/usr/bin/python3', readOnly: [], description: 'stub' } },
  calls: [],
  gate: null,
};
const finding = {
  tool: 'mypy' as const,
  file: 'app/handlers/mine.py',
  line: 2,
  message: 'Incompatible return value',
};
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));
vi.mock('@/lib/runner/preview/manager', () => ({
  previewManager: () => ({ availability: async () => state.available }),
}));
vi.mock('@/lib/runner/project-checks', () => ({
  checkProject: async (files: Record<string, string>, _runtime: unknown, options?: ProjectCheckOptions) => {
    state.calls.push({ files, options });
    await state.gate;
    return {
      ok: false,
      tools: [
        { tool: 'mypy', ok: false, summary: 'Found 1 error', findings: [finding] },
        { tool: 'pytest', ok: true, summary: '12 passed', findings: [] },
      ],
    } satisfies ProjectChecks;
  },
}));

const checks = await import('@/app/api/workspaces/[id]/checks/route');
const USER_FILE = 'tests/custom/test_mine.py';
const run = (id: string, body: unknown = {}) => checks.POST(postJson(body), ctx({ id }));

describe.each(testDatabases)('checks API ($name)', (database) => {
  let alice: SessionUser;
  let bob: SessionUser;
  let id = '';
  beforeAll(async () => {
    state.handle = await database.open();
    alice = await testUser(state.handle.db, 'alice');
    bob = await testUser(state.handle.db, 'bob');
    id = (await createWorkspace(state.handle.db, alice.id, { name: 'Todo', design: templates.todo() })).id;
  });
  afterAll(() => state.handle?.close());

  it('checks the posted code on the kept folder of the workspace and answers the findings', async () => {
    state.user = alice;
    state.calls = [];
    const userCode = {
      files: { [USER_FILE]: { content: 'def test_one() -> None:\n    assert True\n', base: '' } },
    };
    const answer = await run(id, { userCode });
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({
      state: 'checked',
      ok: false,
      tools: [{ tool: 'mypy', findings: [finding] }, {}],
    });
    expect(body.ms).toBeGreaterThanOrEqual(0);
    expect(state.calls).toHaveLength(1);
    const [call] = state.calls;
    expect(call?.files[USER_FILE]).toContain('def test_one');
    expect(call?.files['app/main.py']).toBeDefined();
    expect(call?.options?.workDir).toBe(
      path.resolve(process.env.FASTDRAFT_DATA_DIR || '.data', 'checks', id, 'run'),
    );
  }, 120_000);

  it('answers blocked for a merge conflict and the problems of a design that does not generate, running nothing', async () => {
    state.user = alice;
    state.calls = [];
    const conflicted = '<<<<<<< yours\nx = 1\n=======\nx = 2\n>>>>>>> generated\n';
    const blocked = await run(id, {
      userCode: { files: { [USER_FILE]: { content: conflicted, base: '' } } },
    });
    expect(blocked.status).toBe(200);
    expect(await blocked.json()).toMatchObject({
      state: 'blocked',
      conflicts: [{ path: USER_FILE, line: 1 }],
    });
    const design = templates.todo();
    const [first, second] = design.entities;
    if (first && second) second.name = first.name;
    const problems = await run(id, { design });
    expect(problems.status).toBe(200);
    const answer = await problems.json();
    expect(answer.state).toBe('problems');
    expect(answer.problems.length).toBeGreaterThan(0);
    expect(state.calls).toEqual([]);
  }, 120_000);

  it('refuses others, bad user code and a missing sandbox before running anything', async () => {
    state.calls = [];
    state.user = bob;
    expect((await run(id)).status).toBe(404);
    state.user = null;
    expect((await run(id)).status).toBe(401);
    state.user = alice;
    const bad = await run(id, { userCode: { files: { '../etc/passwd.py': { content: '', base: '' } } } });
    expect(bad.status).toBe(422);
    const saved = state.available;
    state.available = { ok: false, missing: ['bubblewrap'], howTo: 'Install bubblewrap.' };
    try {
      const unavailable = await run(id);
      expect(unavailable.status).toBe(503);
      const { error } = await unavailable.json();
      expect(error.message).toContain('bubblewrap');
    } finally {
      state.available = saved;
    }
    expect(state.calls).toEqual([]);
  }, 120_000);

  it('runs one check of a person at a time: a second while one runs is a 429', async () => {
    state.user = alice;
    state.calls = [];
    let open = () => {};
    state.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    try {
      const first = run(id);
      await vi.waitFor(() => expect(state.calls).toHaveLength(1), { timeout: 60_000 });
      const second = await run(id);
      expect(second.status).toBe(429);
      open();
      expect((await first).status).toBe(200);
    } finally {
      open();
      state.gate = null;
    }
    // The slot is free again.
    expect((await run(id)).status).toBe(200);
  }, 120_000);
});

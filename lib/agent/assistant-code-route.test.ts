/**
 * The assistant writes code through its route, with the real provider wiring against a local OpenAI-compatible
 * server: the draft starts from the stored (or posted) user code, the proposal carries the handler and its test,
 * the sandbox checks get the draft's project with both, nothing is stored; bad user code is refused before the
 * request counts. Session stubbed; PGlite and PostgreSQL.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createWorkspace, getWorkspace } from '@/lib/db/queries/workspaces';
import { assistantRequests } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing/databases';
import type { UserCode } from '@/lib/generator/user-code/types';
import type { Proposal } from './proposal';
import { type FakeOpenAI, startFakeOpenAI } from './testing/fake-openai-server';
import {
  blogWithCustomPublish,
  PUBLISH_REQUEST,
  PUBLISH_TEST,
  PUBLISH_TEST_PATH,
  publishScript,
} from './testing/publish';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));
// The sandbox run itself is tested in loop-code.test.ts; here: what the route hands it.
const sandboxRuns: Record<string, string>[] = [];
vi.mock('@/lib/agent/code-checks', () => ({
  projectChecker: () => async (files: Record<string, string>) => {
    sandboxRuns.push(files);
    return { ok: true, tools: [{ tool: 'mypy', ok: true, summary: 'Success', findings: [] }] };
  },
}));

let llm: FakeOpenAI;
beforeAll(async () => {
  llm = await startFakeOpenAI({ script: publishScript, apiKey: 'test-key' });
  process.env.AI_BASE_URL = llm.url;
  process.env.AI_MODEL = 'fake-model';
  process.env.AI_API_KEY = 'test-key';
  process.env.AI_REQUESTS_PER_HOUR = '20';
});
afterAll(() => llm.close());

const { POST } = await import('@/app/api/workspaces/[id]/assistant/route');
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const HANDLER = 'app/handlers/post_posts_slug_publish.py';
const EXISTING = 'tests/custom/test_existing.py';
const storedCode: UserCode = {
  files: { [EXISTING]: { content: 'def test_ok() -> None:\n    assert True\n', base: '' } },
};

const ask = (extra: Record<string, unknown> = {}) =>
  new Request('http://local/api', {
    method: 'POST',
    body: JSON.stringify({
      messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: PUBLISH_REQUEST }] }],
      ...extra,
    }),
    headers: { 'content-type': 'application/json' },
  });

async function chunksOf(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
    .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
}

describe.each(testDatabases)('assistant writing code on $name', (database) => {
  let alice: SessionUser;
  let id = '';
  const requestsOf = async () =>
    (await state.handle!.db.select().from(assistantRequests).where(eq(assistantRequests.userId, alice.id)))
      .length;

  beforeAll(async () => {
    state.handle = await database.open();
    alice = await testUser(state.handle.db, 'alice');
    id = (
      await createWorkspace(state.handle.db, alice.id, {
        name: 'Blog',
        design: blogWithCustomPublish(),
        userCode: storedCode,
      })
    ).id;
  });
  afterAll(() => state.handle?.close());

  it('writes the handler and a test from the stored user code and proposes them, storing nothing', async () => {
    state.user = alice;
    sandboxRuns.length = 0;
    const response = await POST(ask(), ctx(id));
    expect(response.status).toBe(200);
    const chunks = await chunksOf(response);
    const outputs = chunks.filter((c) => c.type === 'tool-output-available').map((c) => c.output);
    expect(outputs[0]).toMatchObject({
      files: expect.arrayContaining([
        { path: EXISTING, state: 'written' },
        { path: HANDLER, state: 'scaffold' },
      ]),
    });
    expect(outputs.at(-1)).toMatchObject({ ok: true, project: { ran: true, ok: true } });
    expect(sandboxRuns).toHaveLength(1);
    expect(sandboxRuns[0]?.[PUBLISH_TEST_PATH]).toBe(PUBLISH_TEST);
    expect(sandboxRuns[0]?.[EXISTING]).toBe(storedCode.files[EXISTING]?.content);
    expect(sandboxRuns[0]?.[HANDLER]).toContain('status_code=409');

    const proposal = chunks.find((c) => c.type === 'data-proposal')?.data as Proposal;
    expect(proposal.operations).toEqual([]);
    expect(proposal.files.map((f) => [f.path, f.before === null])).toEqual([
      [HANDLER, false],
      [PUBLISH_TEST_PATH, true],
    ]);
    const workspace = await getWorkspace(state.handle!.db, alice.id, id);
    expect(workspace?.userCode).toEqual(storedCode);
  });

  it('starts from posted user code, and refuses bad user code before the request counts', async () => {
    state.user = alice;
    const posted: UserCode = { files: { [HANDLER]: { content: '# mine\n', base: '' } } };
    const chunks = await chunksOf(await POST(ask({ userCode: posted }), ctx(id)));
    const proposal = chunks.find((c) => c.type === 'data-proposal')?.data as Proposal;
    expect(proposal.files.find((f) => f.path === HANDLER)).toMatchObject({ before: '# mine\n', base: '' });

    const counted = await requestsOf();
    const badPath = await POST(
      ask({ userCode: { files: { 'app/main.py': { content: '', base: '' } } } }),
      ctx(id),
    );
    expect(badPath.status).toBe(422);
    expect(await badPath.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const huge = 'x'.repeat(2 * 2 ** 20 + 1);
    const tooBig = await POST(
      ask({ userCode: { files: { [EXISTING]: { content: huge, base: '' } } } }),
      ctx(id),
    );
    expect(tooBig.status).toBe(413);
    const notCode = await POST(ask({ userCode: { files: 'nope' } }), ctx(id));
    expect(notCode.status).toBe(422);
    expect(await requestsOf()).toBe(counted);
  });
});

/**
 * The assistant API through its route handler with the real provider wiring (@ai-sdk/openai-compatible) against
 * a local OpenAI-compatible server over HTTP: streamed text and tool calls, the proposal, who may ask, the
 * per-user request limit and the token accounting. Session stubbed; PGlite and PostgreSQL.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { assistantRequests } from '@/lib/db/schema';
import { testDatabases } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design/templates';
import { type FakeOpenAI, startFakeOpenAI } from './testing/fake-openai-server';
import { registrationScript } from './testing/script';

const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));

let llm: FakeOpenAI;
const REQUESTS_PER_HOUR = 3;

beforeAll(async () => {
  llm = await startFakeOpenAI({ script: registrationScript, apiKey: 'test-key' });
  process.env.AI_BASE_URL = llm.url;
  process.env.AI_MODEL = 'fake-model';
  process.env.AI_API_KEY = 'test-key';
  process.env.AI_REQUESTS_PER_HOUR = String(REQUESTS_PER_HOUR);
});
afterAll(() => llm.close());

const { POST, GET, PUT, DELETE } = await import('@/app/api/workspaces/[id]/assistant/route');
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const JSON_TYPE = { 'content-type': 'application/json' };
const ask = (text: string, extra: Record<string, unknown> = {}) =>
  new Request('http://local/api', {
    method: 'POST',
    body: JSON.stringify({
      messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text }] }],
      ...extra,
    }),
    headers: { 'content-type': 'application/json' },
  });

/** The UI message stream chunks of an SSE response. */
async function chunksOf(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
    .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
}

describe.each(testDatabases)('assistant API on $name', (database) => {
  let alice: SessionUser;
  let bob: SessionUser;
  let id = '';

  beforeAll(async () => {
    state.handle = await database.open();
    const db = state.handle.db;
    const make = (name: string) => testUser(db, name);
    alice = await make('alice');
    bob = await make('bob');
    id = (await createWorkspace(db, alice.id, { name: 'Blank', design: templates.blank() })).id;
  });
  afterAll(() => state.handle?.close());

  it('streams the steps of a real provider over HTTP and ends with a checked proposal', async () => {
    state.user = alice;
    const before = llm.requests.length;
    const response = await POST(ask('Create a POST endpoint for user registration'), ctx(id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const chunks = await chunksOf(response);
    const outputs = chunks.filter((c) => c.type === 'tool-output-available');
    expect(outputs).toHaveLength(3);
    expect(chunks.filter((c) => c.type === 'tool-input-available').map((c) => c.toolName)).toEqual([
      'readDesign',
      'applyOperations',
      'checkDesign',
    ]);
    const text = chunks.flatMap((c) => (c.type === 'text-delta' ? [c.delta] : [])).join('');
    expect(text).toContain('POST /auth/register');
    const proposal = chunks.find((c) => c.type === 'data-proposal')?.data as Record<string, unknown>;
    expect(proposal).toMatchObject({ complete: true, check: { ok: true }, highlight: ['ent_user'] });

    // What went over the wire: the key as a bearer token, the tools as functions, streaming with usage.
    const sent = llm.requests.slice(before);
    expect(sent).toHaveLength(4);
    expect(sent[0]?.authorization).toBe('Bearer test-key');
    expect(sent[0]?.body).toMatchObject({
      model: 'fake-model',
      stream: true,
      stream_options: { include_usage: true },
    });
    const tools = ((sent[0]?.body.tools ?? []) as { function: { name: string } }[]).map(
      (t) => t.function.name,
    );
    expect(tools).toEqual([
      'readDesign',
      'applyOperations',
      'checkDesign',
      'readGeneratedFile',
      'listUserFiles',
      'readUserFile',
      'writeUserFile',
      'runCodeChecks',
      'callPreview',
    ]);

    // 4 model calls of 100 tokens each were recorded against alice.
    const rows = await state
      .handle!.db.select()
      .from(assistantRequests)
      .where(eq(assistantRequests.userId, alice.id));
    expect(rows.map((r) => r.tokens)).toEqual([400]);
  });

  it('keeps the conversation per person: the request and the streamed answer, until a new chat', async () => {
    state.user = alice;
    const stored = await (await GET(new Request('http://local/api'), ctx(id))).json();
    const [asked, answered] = stored.messages;
    expect(asked).toMatchObject({
      role: 'user',
      parts: [{ type: 'text', text: 'Create a POST endpoint for user registration' }],
    });
    expect(answered.role).toBe('assistant');
    const types = answered.parts.map((p: { type: string }) => p.type);
    expect(types).toEqual(
      expect.arrayContaining(['tool-readDesign', 'tool-applyOperations', 'text', 'data-proposal']),
    );

    // A follow-up carries the stored conversation (proposal parts included) and is kept after it.
    const followUp = await POST(
      new Request('http://local/api', {
        method: 'POST',
        body: JSON.stringify({
          messages: [
            ...stored.messages,
            { id: 'm2', role: 'user', parts: [{ type: 'text', text: 'Thanks' }] },
          ],
        }),
        headers: { 'content-type': 'application/json' },
      }),
      ctx(id),
    );
    expect(followUp.status).toBe(200);
    await followUp.text();
    expect((await (await GET(new Request('http://local/api'), ctx(id))).json()).messages).toHaveLength(4);

    // The panel keeps a decision in the conversation.
    const kept = (await (await GET(new Request('http://local/api'), ctx(id))).json()).messages;
    const decided = kept.map((m: { parts: { type: string; data?: object }[] }) => ({
      ...m,
      parts: m.parts.map((p) =>
        p.type === 'data-proposal' ? { ...p, data: { ...p.data, decision: 'accepted' } } : p,
      ),
    }));
    const put = (messages: unknown[]) =>
      PUT(
        new Request('http://local/api', {
          method: 'PUT',
          body: JSON.stringify({ messages }),
          headers: JSON_TYPE,
        }),
        ctx(id),
      );
    expect((await put(decided)).status).toBe(204);
    const reread = (await (await GET(new Request('http://local/api'), ctx(id))).json()).messages;
    expect(JSON.stringify(reread)).toContain('"decision":"accepted"');
    expect((await put(Array.from({ length: 41 }, () => decided[0]))).status).toBe(422);
    expect((await put([{ id: 'x', role: 'user', parts: [{ type: 'nonsense' }] }])).status).toBe(422);

    state.user = bob;
    expect((await put(decided)).status).toBe(404);
    expect((await GET(new Request('http://local/api'), ctx(id))).status).toBe(404);
    expect((await DELETE(new Request('http://local/api', { method: 'DELETE' }), ctx(id))).status).toBe(404);
    state.user = alice;
    expect((await DELETE(new Request('http://local/api', { method: 'DELETE' }), ctx(id))).status).toBe(204);
    expect(await (await GET(new Request('http://local/api'), ctx(id))).json()).toEqual({ messages: [] });
  });

  it('answers 404 to someone who may not see the workspace, 422 to bad input', async () => {
    state.user = bob;
    expect((await POST(ask('hello'), ctx(id))).status).toBe(404);
    state.user = null;
    expect((await POST(ask('hello'), ctx(id))).status).toBe(401);
    state.user = alice;
    const empty = await POST(
      new Request('http://local/api', {
        method: 'POST',
        body: JSON.stringify({ messages: [] }),
        headers: JSON_TYPE,
      }),
      ctx(id),
    );
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const badDesign = await POST(ask('hello', { design: { formatVersion: 99 } }), ctx(id));
    expect(badDesign.status).toBe(422);
  });

  it('limits requests per user per hour with a clear message and Retry-After', async () => {
    state.user = alice;
    // Two requests were made in the first tests; fill the hour.
    for (let i = 2; i < REQUESTS_PER_HOUR; i++) {
      const ok = await POST(ask('Create a POST endpoint for user registration'), ctx(id));
      expect(ok.status).toBe(200);
      await ok.text();
    }
    const refused = await POST(ask('one more'), ctx(id));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/3 requests to the assistant in the last hour/);
  });
});

/**
 * `POST /api/workspaces/{id}/preview` streams each step's `running` event as the step begins, not with its end:
 * read from the real route and a real preview manager (only the session and the database are stubbed). When the
 * `start` step's `running` event is read, the app is not serving yet; it is once the `end` event is read. The
 * check step runs beside migrate and start, and ends before ready.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ctx, postJson, testUser } from '@/lib/api/testing/route-calls';
import type { SessionUser } from '@/lib/auth/session';
import type { DbHandle } from '@/lib/db/connect';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design';
import type { StepEvent } from './events';
import { previewManager } from './manager';
import { sandboxAvailability, skipNote } from './test-support';

const available = await sandboxAvailability();
const state: { user: SessionUser | null; handle: DbHandle | null } = { user: null, handle: null };
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.handle?.db }));

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-preview-stream-'));
const manager = previewManager(dataDir);
const preview = await import('@/app/api/workspaces/[id]/preview/route');

describe.skipIf(!available.ok)(`the preview start's step events${skipNote(available)}`, () => {
  let id = '';
  beforeAll(async () => {
    state.handle = await (testDatabases[0] as (typeof testDatabases)[number]).open();
    state.user = await testUser(state.handle.db, 'streamer');
    id = (await createWorkspace(state.handle.db, state.user.id, { name: 'Todo', design: templates.todo() }))
      .id;
  });
  afterAll(async () => {
    await manager.stopAll();
    await state.handle?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('arrive as each step starts: the start step is announced before the app serves', async () => {
    const answer = await preview.POST(postJson({}), ctx({ id }));
    expect(answer.status).toBe(200);
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const seen: { event: StepEvent; servingWhenRead: boolean }[] = [];
    let end: { ok: boolean; error?: string } | null = null;
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let cut = buffer.indexOf('\n\n'); cut !== -1; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
        if (block.startsWith('event: end')) end = data;
        else seen.push({ event: data as StepEvent, servingWhenRead: manager.socketFor(id) !== null });
      }
    }
    expect(end, end?.error).toMatchObject({ ok: true });
    const order = seen.map(({ event }) => `${event.step}:${event.status}`);
    // The check runs beside migrate and start; ready comes once both are done.
    expect(order.filter((s) => !s.startsWith('check:'))).toEqual(
      ['validate', 'generate', 'migrate', 'start', 'ready'].flatMap((s) => [`${s}:running`, `${s}:done`]),
    );
    expect(order.slice(3, 6)).toEqual(['generate:done', 'check:running', 'migrate:running']);
    expect(order.indexOf('check:done')).toBeLessThan(order.indexOf('ready:running'));
    const startRunning = seen.find(({ event }) => event.step === 'start' && event.status === 'running');
    expect(startRunning?.servingWhenRead).toBe(false);
    expect(manager.socketFor(id)).not.toBeNull();
  }, 120_000);
});

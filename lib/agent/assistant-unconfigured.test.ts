/** Without a provider the assistant route says how to configure one (and nothing else in the app depends on it). */
import { describe, expect, it, vi } from 'vitest';
import { createUser } from '@/lib/db/queries/users';
import { createWorkspace } from '@/lib/db/queries/workspaces';
import { testDatabases, uniqueEmail } from '@/lib/db/testing/databases';
import { templates } from '@/lib/design/templates';

const state: { user: { id: string; email: string; name: null } | null; db: unknown } = {
  user: null,
  db: null,
};
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => state.user }));
vi.mock('@/lib/db/client', () => ({ db: async () => state.db }));
delete process.env.AI_BASE_URL;
delete process.env.AI_MODEL;

const { POST } = await import('@/app/api/workspaces/[id]/assistant/route');
const { assistantConfig } = await import('./config');

describe('assistant without a provider', () => {
  it('is reported as not configured, with how to configure it', async () => {
    expect(assistantConfig()).toMatchObject({
      configured: false,
      howTo: expect.stringContaining('AI_BASE_URL'),
    });
    const handle = await (testDatabases[0] as (typeof testDatabases)[number]).open();
    state.db = handle.db;
    const email = uniqueEmail('solo');
    const user = (await createUser(handle.db, { email, name: null, passwordHash: 'x' }))!;
    state.user = { id: user.id, email, name: null };
    const ws = await createWorkspace(handle.db, user.id, { name: 'w', design: templates.blank() });
    const response = await POST(
      new Request('http://local/api', {
        method: 'POST',
        body: JSON.stringify({
          messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
        }),
        headers: { 'content-type': 'application/json' },
      }),
      { params: Promise.resolve({ id: ws.id }) },
    );
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toMatch(/not configured[\s\S]*AI_MODEL/);
    await handle.close();
  });
});

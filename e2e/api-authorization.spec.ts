import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { expect, newAccount, signUp, test } from './fixtures';

type Call = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: (id: string) => string;
  body?: unknown;
};

// Every /api route that acts on one workspace. Bodies are valid, so only the caller decides the answer.
const workspaceRoutes: Record<string, Call> = {
  'get workspace': { method: 'GET', path: (id) => `/api/workspaces/${id}` },
  'rename workspace': {
    method: 'PATCH',
    path: (id) => `/api/workspaces/${id}`,
    body: { name: 'Taken over' },
  },
  'duplicate workspace': { method: 'POST', path: (id) => `/api/workspaces/${id}/duplicate`, body: {} },
  'get design': { method: 'GET', path: (id) => `/api/workspaces/${id}/design` },
  'save design': {
    method: 'PUT',
    path: (id) => `/api/workspaces/${id}/design`,
    body: {
      baseVersion: 1,
      design: {
        formatVersion: 1,
        name: 'x',
        entities: [],
        enums: [],
        relations: [],
        customEndpoints: [],
        auth: null,
        layout: { nodes: {} },
      },
    },
  },
  'get user code': { method: 'GET', path: (id) => `/api/workspaces/${id}/code` },
  'generate code': { method: 'POST', path: (id) => `/api/workspaces/${id}/generate`, body: {} },
  'pending diff': { method: 'POST', path: (id) => `/api/workspaces/${id}/versions/pending-diff`, body: {} },
  'postgres sql': { method: 'POST', path: (id) => `/api/workspaces/${id}/sql`, body: {} },
  'import into workspace': {
    method: 'POST',
    path: (id) => `/api/workspaces/${id}/import`,
    body: { text: 'CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL);' },
  },
  'assistant conversation': { method: 'GET', path: (id) => `/api/workspaces/${id}/assistant` },
  'ask assistant': {
    method: 'POST',
    path: (id) => `/api/workspaces/${id}/assistant`,
    body: { messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'What can you do?' }] }] },
  },
  'delete workspace': { method: 'DELETE', path: (id) => `/api/workspaces/${id}` },
};

const send = (api: APIRequestContext, call: Call, id: string) =>
  api.fetch(call.path(id), { method: call.method, data: call.body });

test.describe('authorization of every /api route', () => {
  let ownerApi: APIRequestContext;
  let otherApi: APIRequestContext;
  let anonymous: APIRequestContext;
  let workspaceId: string;

  test.beforeAll(async ({ browser, baseURL }) => {
    const owner = await (await browser.newContext()).newPage();
    await signUp(owner, newAccount('owner'));
    ownerApi = owner.request;
    const other = await (await browser.newContext()).newPage();
    await signUp(other, newAccount('other'));
    otherApi = other.request;
    anonymous = await playwrightRequest.newContext({ baseURL });
    const created = await ownerApi.post('/api/workspaces', { data: { name: 'Guarded', template: 'blog' } });
    expect(created.status()).toBe(201);
    workspaceId = (await created.json()).id;
  });

  for (const [name, call] of Object.entries(workspaceRoutes)) {
    test(`${name}: anonymous gets 401, another user gets 404`, async () => {
      const anon = await send(anonymous, call, workspaceId);
      expect(anon.status()).toBe(401);
      expect((await anon.json()).error.code).toBe('unauthenticated');
      const other = await send(otherApi, call, workspaceId);
      expect(other.status()).toBe(404);
      expect(await other.json()).toEqual({ error: { code: 'not_found', message: 'Workspace not found.' } });
    });
  }

  test('the owner may use every route; the others changed nothing', async () => {
    const ws = await (await ownerApi.get(`/api/workspaces/${workspaceId}`)).json();
    expect(ws).toMatchObject({ id: workspaceId, name: 'Guarded', version: 1 });
    const design = await (await ownerApi.get(`/api/workspaces/${workspaceId}/design`)).json();
    expect(design.version).toBe(1);
    expect(design.design.entities.length).toBeGreaterThan(3);

    for (const [name, call] of Object.entries(workspaceRoutes)) {
      if (name === 'delete workspace') continue;
      const response = await send(ownerApi, call, workspaceId);
      expect(response.status(), name).toBe(name === 'duplicate workspace' ? 201 : 200);
    }
    expect((await send(ownerApi, workspaceRoutes['delete workspace']!, workspaceId)).status()).toBe(204);
    expect((await ownerApi.get(`/api/workspaces/${workspaceId}`)).status()).toBe(404);
  });

  test('collection routes: list and create need a session and only show my workspaces', async () => {
    expect((await anonymous.get('/api/workspaces')).status()).toBe(401);
    expect((await anonymous.post('/api/workspaces', { data: { name: 'x' } })).status()).toBe(401);
    const mine = await (await otherApi.get('/api/workspaces')).json();
    expect(mine.items.map((w: { name: string }) => w.name)).not.toContain('Guarded');
    expect((await otherApi.post('/api/workspaces', { data: { name: 'Own' } })).status()).toBe(201);
  });

  test('public routes: sign-up and the OpenAPI document', async () => {
    const doc = await (await anonymous.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/accounts',
        '/api/workspaces',
        '/api/workspaces/{id}/design',
        '/api/workspaces/{id}/shares',
        '/api/workspaces/{id}/members/{userId}',
        '/api/share/{token}',
        '/api/share/{token}/accept',
        '/api/workspaces/{id}/versions/pending-diff',
        '/api/workspaces/{id}/sql',
        '/api/workspaces/{id}/assistant',
        '/api/import',
        '/api/workspaces/{id}/import',
      ]),
    );
    const signUpResponse = await anonymous.post('/api/accounts', { data: newAccount('api') });
    expect(signUpResponse.status()).toBe(201);
  });
});

type Role = 'anonymous' | 'viewer' | 'other' | 'collaborator' | 'owner';
// Owner last: their calls may change the workspace (delete it, remove the collaborator, revoke a link).
const ROLES: Role[] = ['anonymous', 'viewer', 'other', 'collaborator', 'owner'];

/** One workspace with a view link, an edit link (accepted by the collaborator) and a spare link to revoke. */
interface Shared {
  id: string;
  viewToken: string;
  editToken: string;
  spareShareId: string;
  collaboratorId: string;
}

type SharedCall = {
  method: Call['method'];
  path: (s: Shared) => string;
  body?: (s: Shared, owner: APIRequestContext) => Promise<unknown> | unknown;
  expect: Record<Role, number>;
};

const ws = (id: string) => `/api/workspaces/${id}`;
const UNKNOWN_TOKEN = 'A'.repeat(43);
const statuses = (
  anonymous: number,
  other: number,
  collaborator: number,
  owner: number,
  viewer = anonymous,
) => ({
  anonymous,
  viewer,
  other,
  collaborator,
  owner,
});
const everyone = (status: number) => statuses(status, status, status, status);

// Every route x every kind of caller -> expected status. The viewer holds the view link and no session: to the
// workspace API they are anonymous; to /api/share they present the token.
const sharedRoutes: Record<string, SharedCall> = {
  'get workspace': { method: 'GET', path: (s) => ws(s.id), expect: statuses(401, 404, 200, 200) },
  'rename workspace': {
    method: 'PATCH',
    path: (s) => ws(s.id),
    body: () => ({ name: 'Renamed' }),
    expect: statuses(401, 404, 403, 200),
  },
  'delete workspace': { method: 'DELETE', path: (s) => ws(s.id), expect: statuses(401, 404, 403, 204) },
  'duplicate workspace': {
    method: 'POST',
    path: (s) => `${ws(s.id)}/duplicate`,
    body: () => ({}),
    expect: statuses(401, 404, 201, 201),
  },
  'get design': { method: 'GET', path: (s) => `${ws(s.id)}/design`, expect: statuses(401, 404, 200, 200) },
  'save design': {
    method: 'PUT',
    path: (s) => `${ws(s.id)}/design`,
    // The current version each time, so only the caller decides the answer.
    body: async (s, owner) => {
      const { design, version } = await (await owner.get(`${ws(s.id)}/design`)).json();
      return { design, baseVersion: version };
    },
    expect: statuses(401, 404, 200, 200),
  },
  'generate code': {
    method: 'POST',
    path: (s) => `${ws(s.id)}/generate`,
    body: () => ({}),
    expect: statuses(401, 404, 200, 200),
  },
  'pending diff (what a commit would change)': {
    method: 'POST',
    path: (s) => `${ws(s.id)}/versions/pending-diff`,
    body: () => ({}),
    expect: statuses(401, 404, 200, 200),
  },
  'PostgreSQL SQL': {
    method: 'POST',
    path: (s) => `${ws(s.id)}/sql`,
    body: () => ({}),
    expect: statuses(401, 404, 200, 200),
  },
  'assistant conversation': {
    method: 'GET',
    path: (s) => `${ws(s.id)}/assistant`,
    expect: statuses(401, 404, 200, 200),
  },
  'keep the assistant conversation': {
    method: 'PUT',
    path: (s) => `${ws(s.id)}/assistant`,
    body: () => ({ messages: [] }),
    expect: statuses(401, 404, 204, 204),
  },
  'new assistant chat': {
    method: 'DELETE',
    path: (s) => `${ws(s.id)}/assistant`,
    expect: statuses(401, 404, 204, 204),
  },
  'ask the assistant (streams an answer)': {
    method: 'POST',
    path: (s) => `${ws(s.id)}/assistant`,
    body: () => ({
      messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'What can you do?' }] }],
    }),
    expect: statuses(401, 404, 200, 200),
  },
  'preview status': {
    method: 'GET',
    path: (s) => `${ws(s.id)}/preview`,
    expect: statuses(401, 404, 200, 200),
  },
  'start preview (invalid design: checked after access)': {
    method: 'POST',
    path: (s) => `${ws(s.id)}/preview`,
    body: () => ({ design: {} }),
    expect: statuses(401, 404, 422, 422),
  },
  'stop preview': {
    method: 'DELETE',
    path: (s) => `${ws(s.id)}/preview`,
    expect: statuses(401, 404, 204, 204),
  },
  'preview proxy (not running)': {
    method: 'GET',
    path: (s) => `/preview/${s.id}/docs`,
    expect: statuses(404, 404, 503, 503),
  },
  'list share links': {
    method: 'GET',
    path: (s) => `${ws(s.id)}/shares`,
    expect: statuses(401, 404, 403, 200),
  },
  'create share link': {
    method: 'POST',
    path: (s) => `${ws(s.id)}/shares`,
    body: () => ({ role: 'view' }),
    expect: statuses(401, 404, 403, 201),
  },
  'revoke share link': {
    method: 'DELETE',
    path: (s) => `${ws(s.id)}/shares/${s.spareShareId}`,
    expect: statuses(401, 404, 403, 204),
  },
  'list members': { method: 'GET', path: (s) => `${ws(s.id)}/members`, expect: statuses(401, 404, 403, 200) },
  'remove member': {
    method: 'DELETE',
    path: (s) => `${ws(s.id)}/members/${s.collaboratorId}`,
    expect: statuses(401, 404, 403, 204),
  },
  'open view link': { method: 'GET', path: (s) => `/api/share/${s.viewToken}`, expect: everyone(200) },
  'generate through view link': {
    method: 'POST',
    path: (s) => `/api/share/${s.viewToken}/generate`,
    body: () => ({}),
    expect: everyone(200),
  },
  'save through view link': {
    method: 'PUT',
    path: (s) => `/api/share/${s.viewToken}/design`,
    body: () => ({}),
    expect: everyone(403),
  },
  'save through edit link': {
    method: 'PUT',
    path: (s) => `/api/share/${s.editToken}/design`,
    body: () => ({}),
    expect: everyone(403),
  },
  'accept view link': {
    method: 'POST',
    path: (s) => `/api/share/${s.viewToken}/accept`,
    expect: statuses(401, 403, 403, 403),
  },
  'accept edit link': {
    method: 'POST',
    path: (s) => `/api/share/${s.editToken}/accept`,
    expect: statuses(401, 200, 200, 200),
  },
  'generate through edit link (not accepted)': {
    method: 'POST',
    path: (s) => `/api/share/${s.editToken}/generate`,
    body: () => ({}),
    expect: everyone(403),
  },
};

test.describe('authorization with sharing: every route x owner, collaborator, view-link holder, other, anonymous', () => {
  let api: Record<Role, APIRequestContext>;

  test.beforeAll(async ({ browser, baseURL }) => {
    const signedUp = async (prefix: string) => {
      const page = await (await browser.newContext()).newPage();
      await signUp(page, newAccount(prefix));
      return page.request;
    };
    const [owner, collaborator, other] = await Promise.all([
      signedUp('owner'),
      signedUp('collab'),
      signedUp('other'),
    ]);
    api = {
      owner,
      collaborator,
      other,
      anonymous: await playwrightRequest.newContext({ baseURL }),
      viewer: await playwrightRequest.newContext({ baseURL }),
    };
  });

  async function share(): Promise<Shared> {
    const created = await api.owner.post('/api/workspaces', { data: { name: 'Shared', template: 'blog' } });
    const { id } = await created.json();
    const link = async (role: 'view' | 'edit') => {
      const response = await api.owner.post(`${ws(id)}/shares`, { data: { role } });
      expect(response.status()).toBe(201);
      return (await response.json()) as { id: string; token: string };
    };
    const [view, edit, spare] = await Promise.all([link('view'), link('edit'), link('view')]);
    expect((await api.collaborator.post(`/api/share/${edit.token}/accept`)).status()).toBe(200);
    const members = await (await api.owner.get(`${ws(id)}/members`)).json();
    return {
      id,
      viewToken: view.token,
      editToken: edit.token,
      spareShareId: spare.id,
      collaboratorId: members.items[0].userId,
    };
  }

  for (const [name, call] of Object.entries(sharedRoutes)) {
    test(name, async () => {
      const shared = await share();
      for (const role of ROLES) {
        const data = call.body ? await call.body(shared, api.owner) : undefined;
        const response = await api[role].fetch(call.path(shared), { method: call.method, data });
        expect.soft(response.status(), `${name} as ${role}`).toBe(call.expect[role]);
      }
    });
  }

  test('a view link never exposes more than the design; an edit link shows no design until accepted', async () => {
    const shared = await share();
    const view = await (await api.viewer.get(`/api/share/${shared.viewToken}`)).json();
    expect(view).toMatchObject({ role: 'view', workspaceId: shared.id, workspaceName: 'Shared', version: 1 });
    expect(view.design.entities.length).toBeGreaterThan(2);
    const edit = await (await api.viewer.get(`/api/share/${shared.editToken}`)).json();
    expect(edit).toEqual({ role: 'edit', workspaceId: shared.id, workspaceName: 'Shared' });
    // The collaborator sees it on their list, marked as shared.
    const items = (await (await api.collaborator.get('/api/workspaces')).json()).items;
    expect(items.find((w: { id: string }) => w.id === shared.id)).toMatchObject({ role: 'editor' });
  });

  test('revoked and unknown links are 404; guessing is rate limited per address (429 with the wait)', async () => {
    const shared = await share();
    const links = await (await api.owner.get(`${ws(shared.id)}/shares`)).json();
    for (const link of links.items) {
      expect((await api.owner.delete(`${ws(shared.id)}/shares/${link.id}`)).status()).toBe(204);
    }
    expect((await api.viewer.get(`/api/share/${shared.viewToken}`)).status()).toBe(404);
    expect((await api.collaborator.post(`/api/share/${shared.editToken}/accept`)).status()).toBe(404);
    // Revoking a link does not remove who already joined.
    expect((await api.collaborator.get(`${ws(shared.id)}/design`)).status()).toBe(200);

    // The e2e server trusts 127.0.0.1 as a proxy (TRUSTED_PROXIES), so this client may say whom it forwards for.
    const octet = () => Math.floor(Math.random() * 250) + 1;
    const address = `10.${octet()}.${octet()}.${octet()}`;
    const headers = { 'x-forwarded-for': address };
    for (let i = 0; i < 20; i++) {
      const miss = await api.viewer.get(`/api/share/${UNKNOWN_TOKEN}`, { headers });
      expect(miss.status()).toBe(404);
    }
    const limited = await api.viewer.get(`/api/share/${UNKNOWN_TOKEN}`, { headers });
    expect(limited.status()).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    // Another address is unaffected.
    const elsewhere = { 'x-forwarded-for': `${address.replace(/^10\./, '172.')}` };
    expect((await api.viewer.get(`/api/share/${UNKNOWN_TOKEN}`, { headers: elsewhere })).status()).toBe(404);
  });
});

test.describe('validation and errors', () => {
  test('bad bodies get 400/422 with issues; a malformed id is a 404; a stale save is a 409', async ({
    signedIn: page,
  }) => {
    const api = page.request;
    const bad = await api.post('/api/workspaces', { data: { name: '', template: 'nope' } });
    expect(bad.status()).toBe(422);
    const body = await bad.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['name', 'template']);

    const notJson = await api.post('/api/workspaces', {
      data: Buffer.from('{nope'),
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_json');

    expect((await api.get('/api/workspaces/not-a-uuid')).status()).toBe(404);

    const { id } = await (await api.post('/api/workspaces', { data: { name: 'Saves' } })).json();
    const { design } = await (await api.get(`/api/workspaces/${id}/design`)).json();
    const broken = await api.put(`/api/workspaces/${id}/design`, {
      data: { baseVersion: 1, design: { ...design, entities: [{ id: 'e1' }] } },
    });
    expect(broken.status()).toBe(422);
    expect((await broken.json()).error.issues[0].path).toMatch(/^entities\[0\]/);
    const saved = await api.put(`/api/workspaces/${id}/design`, { data: { baseVersion: 1, design } });
    expect(saved.status()).toBe(200);
    expect((await saved.json()).version).toBe(2);
    const stale = await api.put(`/api/workspaces/${id}/design`, { data: { baseVersion: 1, design } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'conflict', currentVersion: 2 });

    const duplicate = await api.post('/api/accounts', {
      data: { email: 'x@example.test', password: 'weak' },
    });
    expect(duplicate.status()).toBe(422);
  });
});

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
  'generate code': { method: 'POST', path: (id) => `/api/workspaces/${id}/generate`, body: {} },
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
      expect.arrayContaining(['/api/accounts', '/api/workspaces', '/api/workspaces/{id}/design']),
    );
    const signUpResponse = await anonymous.post('/api/accounts', { data: newAccount('api') });
    expect(signUpResponse.status()).toBe(201);
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

import type { APIRequestContext } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';
import { PreviewPage } from './pages/preview-page';

/** Registers a person in the running app and answers their `Authorization` header. */
async function person(api: APIRequestContext, base: string, username: string) {
  const email = `${username}-${Date.now()}@example.com`;
  const password = 'correct horse 42';
  const registered = await api.post(`${base}/auth/register`, { data: { email, password, username } });
  expect(registered.status(), await registered.text()).toBe(201);
  const login = await api.post(`${base}/auth/login`, { form: { username: email, password } });
  expect(login.status(), await login.text()).toBe(200);
  const { access_token: token } = await login.json();
  return { authorization: `Bearer ${token}` };
}

test.describe('Behaviour blocks live', () => {
  test('the Social template in Try it: a like counts once, and only its giver sees it as liked', async ({
    signedIn: page,
  }) => {
    test.setTimeout(420_000);
    const id = await createWorkspace(page, 'Social live', 'social');
    await expect(new EditorPage(page).entity('Post')).toBeVisible();

    const availability = await (await page.request.get(`/api/workspaces/${id}/preview`)).json();
    if (availability.state === 'unavailable') {
      const reason = `preview unavailable: missing ${availability.missing.join(', ')} (${availability.howTo})`;
      expect(process.env.CI, reason).toBeFalsy();
      test.skip(true, reason);
    }

    const preview = new PreviewPage(page);
    await preview.open();
    await preview.expectRunning();

    // The running app, through the IDE's proxy (the owner's session).
    const api = page.request;
    const base = `/preview/${id}`;
    const ada = await person(api, base, 'ada');
    const grace = await person(api, base, 'grace');

    const created = await api.post(`${base}/posts`, { data: { body: 'Hello from Ada' }, headers: ada });
    expect(created.status(), await created.text()).toBe(201);
    const post = await created.json();
    expect(post).toMatchObject({ likes_count: 0, liked: false });

    // Grace likes Ada's post twice: one like; the answer is the post as Grace sees it.
    for (let i = 0; i < 2; i += 1) {
      const liked = await api.post(`${base}/posts/${post.id}/like`, { headers: grace });
      expect(liked.status(), await liked.text()).toBe(200);
      expect(await liked.json()).toMatchObject({ id: post.id, likes_count: 1, liked: true });
    }

    const seenBy = async (headers?: Record<string, string>) => {
      const response = await api.get(`${base}/posts/${post.id}`, { headers });
      expect(response.status(), await response.text()).toBe(200);
      return response.json();
    };
    expect(await seenBy(grace)).toMatchObject({ likes_count: 1, liked: true });
    expect(await seenBy(ada)).toMatchObject({ likes_count: 1, liked: false });
    expect(await seenBy()).toMatchObject({ likes_count: 1, liked: false });

    // Grace's liked posts hold it; Ada's do not.
    const likedBy = async (headers: Record<string, string>) => {
      const response = await api.get(`${base}/auth/me/liked`, { headers });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()).items.map((p: { id: number }) => p.id);
    };
    expect(await likedBy(grace)).toEqual([post.id]);
    expect(await likedBy(ada)).toEqual([]);

    // Unliking: the count goes back, for everyone.
    const unliked = await api.delete(`${base}/posts/${post.id}/like`, { headers: grace });
    expect(unliked.status(), await unliked.text()).toBe(200);
    expect(await unliked.json()).toMatchObject({ likes_count: 0, liked: false });
    expect(await seenBy(ada)).toMatchObject({ likes_count: 0, liked: false });
  });
});

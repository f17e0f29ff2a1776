import type { Locator } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { PreviewPage } from './pages/preview-page';

/** Executes a Swagger UI operation with its path parameters filled in (and a JSON body when given). */
async function callWith(
  preview: PreviewPage,
  tag: string,
  operationId: string,
  params: Record<string, string>,
  body?: unknown,
): Promise<{ status: Locator; body: Locator }> {
  const block = preview.operation(tag, operationId);
  await expect(block).toBeVisible();
  if (!(await block.evaluate((el) => el.classList.contains('is-open')))) {
    await block.locator('.opblock-summary').first().click();
  }
  const tryOut = block.locator('.try-out__btn', { hasText: 'Try it out' });
  const execute = block.locator('.execute');
  await expect(tryOut.or(execute)).toBeVisible();
  if (await tryOut.isVisible()) await tryOut.click();
  for (const [name, value] of Object.entries(params)) {
    const input = block.locator(`tr[data-param-name="${name}"] input`);
    await expect(input).toBeEditable();
    await input.fill(value);
  }
  if (body !== undefined) {
    const text = block.locator('textarea.body-param__text');
    await expect(text).toBeEditable();
    await text.fill(JSON.stringify(body, null, 2));
  }
  const clear = block.locator('.btn-clear');
  if (await clear.isVisible()) await clear.click();
  await execute.click();
  const live = block.locator('.live-responses-table .response').first();
  await expect(live).toBeVisible();
  return { status: live.locator('.response-col_status'), body: live.locator('.response-col_description') };
}

test.describe('Nested resources', () => {
  test('nests comments under posts in the inspector, shows the nested router in Code and calls it live', async ({
    signedIn: page,
  }) => {
    test.setTimeout(420_000);
    const workspaceId = await createWorkspace(page, 'Nested live', 'blog');
    const editor = new EditorPage(page);
    const comment = editor.entity('Comment');
    await expect(comment).toBeVisible();

    // The parent relation is a resource setting: only Comment's many-to-one relations are offered.
    await comment.getByRole('button', { name: 'GET /comments', exact: true }).click();
    const nest = editor.inspector.getByLabel('Nest under');
    await expect(nest.locator('option')).toHaveText(['Not nested', 'Post (via post)', 'User (via author)']);
    await nest.selectOption({ label: 'Post (via post)' });
    await expect(editor.inspector.locator('.route-code')).toHaveText('GET /posts/{slug}/comments');
    await expect(editor.inspector).toContainText('Served at /posts/{slug}/comments');
    await expect(
      comment.getByRole('button', { name: 'GET /posts/{slug}/comments/{id}', exact: true }),
    ).toBeVisible();
    // The list knows its viewer: anonymous callers are served, a valid token identifies the caller.
    const viewer = editor.inspector.getByLabel('Knows the viewer (optional token; an invalid one is a 401)');
    await viewer.check();
    await expect(viewer).toBeChecked();

    // A public profile of the user: embedded in comments with its username only.
    await editor.entity('User').click({ position: { x: 60, y: 14 } });
    await editor.inspector.getByRole('button', { name: 'Add view' }).click();
    const view = editor.inspector.getByRole('group', { name: 'View Summary' });
    await view.getByLabel('View name').fill('Profile');
    const profile = editor.inspector.getByRole('group', { name: 'View Profile' });
    await profile.getByLabel('username', { exact: true }).check();
    await editor.inspector.getByLabel('Embedded as').selectOption({ label: 'UserProfile' });
    await expect(editor.inspector.getByLabel('Embedded as')).toHaveValue(/.+/);
    await editor.expectSaved();

    const code = new CodePage(page);
    // The first generation starts the worker pool: on a busy machine it takes longer than one expect.
    await code.codeTab.click();
    await expect(code.status).toHaveText(/^Generated \d+ files$/, { timeout: 90_000 });
    await code.file('app/api/routes/comments.py').click();
    await expect(code.visibleCode()).toContainText('prefix="/posts/{slug}/comments"');

    const availability = await (await page.request.get(`/api/workspaces/${workspaceId}/preview`)).json();
    if (availability.state === 'unavailable') {
      const reason = `preview unavailable: missing ${availability.missing.join(', ')} (${availability.howTo})`;
      expect(process.env.CI, reason).toBeFalsy();
      test.skip(true, reason);
    }
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.expectRunning();

    const user = {
      email: `nest-${Date.now()}@example.com`,
      password: 'correct horse 42',
      username: 'nester',
    };
    await expect((await preview.call('auth', 'register', user)).status).toHaveText(/^\s*201/);
    await preview.authorize(user.email, user.password);
    const post = { title: 'Nested', slug: 'nested-post', body: 'A post with comments.', published: true };
    await expect((await preview.call('posts', 'create_post', post)).status).toHaveText(/^\s*201/);

    // The post comes from the path: the body carries only the comment.
    const created = await callWith(
      preview,
      'comments',
      'create_comment',
      { slug: 'nested-post' },
      { body: 'First!' },
    );
    await expect(created.status).toHaveText(/^\s*201/);
    await expect(created.body).toContainText('"post_id": 1');

    const missing = await callWith(preview, 'comments', 'list_comments', { slug: 'no-such-post' });
    await expect(missing.status).toHaveText(/^\s*404/);
    await expect(missing.body).toContainText('Post not found');

    const listed = await callWith(preview, 'comments', 'list_comments', { slug: 'nested-post' });
    await expect(listed.status).toHaveText(/^\s*200/);
    await expect(listed.body).toContainText('First!');
    // The embedded author is its Profile view: the username, not the role.
    await expect(listed.body).toContainText('"username": "nester"');
    await expect(listed.body).not.toContainText('"role"');
    await listed.body.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/nested-views.png' });
  });
});

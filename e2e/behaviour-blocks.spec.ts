import { createWorkspace, expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

test.describe('Behaviour blocks in the editor', () => {
  test('adds a computed count, a derived slug, a link action and a viewer list; the canvas marks them and they stay saved', async ({
    signedIn: page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const workspaceId = await createWorkspace(page, 'Behaviour blocks', 'blog');
    const editor = new EditorPage(page);
    const user = editor.entity('User');
    const post = editor.entity('Post');
    const postFields = post.getByRole('list', { name: 'Fields of Post' });
    await expect(user).toBeVisible();

    // A computed count over the self-relation: the side is part of the choice ("followers (User)").
    await user.click({ position: { x: 60, y: 14 } });
    await editor.inspector.getByRole('button', { name: 'Add computed field' }).click();
    const draft = editor.inspector.getByRole('group', { name: 'Computed field posts_count' });
    await expect(draft.getByLabel('Kind')).toHaveValue('count');
    const over = draft.getByLabel('Over relation');
    await expect(over.locator('option')).toHaveText([
      'posts (Post)',
      'comments (Comment)',
      'following (User)',
      'followers (User)',
    ]);
    await over.selectOption({ label: 'followers (User)' });
    await draft.getByLabel('Name', { exact: true }).fill('followers_count');
    const count = editor.inspector.getByRole('group', { name: 'Computed field followers_count' });
    await expect(count.getByLabel('API name')).toHaveAttribute('placeholder', 'followers_count');
    const countRow = user.locator('.row-computed', { hasText: 'followers_count' });
    await expect(countRow).toContainText('count');
    await expect(countRow).toHaveAttribute('title', 'Computed: number of followers');

    // A derived slug: the post's slug from its title.
    await postFields.getByRole('button', { name: /\bslug\b/ }).click();
    await editor.inspector.getByLabel('Derived from').selectOption({ label: 'Slug of another field' });
    await expect(editor.inspector.getByLabel('Source field')).toHaveValue('f_post_title');
    const slugRow = postFields.getByRole('button', { name: /\bslug\b/ });
    await expect(slugRow.locator('.mark-derived')).toHaveText('ƒ');
    await expect(slugRow).toHaveAttribute('title', 'Derived: slug of title');

    // A link action: POST/DELETE /users/{username}/follow adds the caller to the user's followers.
    await user.getByRole('button', { name: 'GET /users/{username}', exact: true }).click();
    await editor.inspector.getByRole('button', { name: 'Add link action' }).click();
    const link = editor.inspector.getByRole('group', { name: 'Action link' });
    await link.getByLabel('Links through').selectOption({ label: 'followers (User)' });
    await expect(link.getByLabel('Links', { exact: true })).toHaveValue('viewer');
    await link.getByLabel('Action name').fill('follow');
    const follow = editor.inspector.getByRole('group', { name: 'Action follow' });
    await expect(follow.getByLabel('Who can call the action')).toHaveValue('authenticated');
    await expect(
      user.getByRole('button', { name: 'Action POST and DELETE /users/{username}/follow', exact: true }),
    ).toBeVisible();
    await follow.scrollIntoViewIfNeeded();
    await editor.inspector.screenshot({ path: screenshotPath('behaviour-actions.png') });

    // A viewer list: the posts whose author the viewer follows.
    await post.getByRole('button', { name: 'GET /posts', exact: true }).click();
    await editor.inspector.getByRole('button', { name: 'Add viewer list' }).click();
    const mine = editor.inspector.getByRole('group', { name: 'Viewer list mine' });
    await expect(mine.getByLabel('Reaches the viewer through')).toHaveValue('r_post_author|field');
    await mine.getByLabel('List name').fill('feed');
    const feed = editor.inspector.getByRole('group', { name: 'Viewer list feed' });
    await feed.getByLabel('Reaches the viewer through').selectOption({ label: 'author → followers' });
    await expect(
      post.getByRole('button', { name: 'Viewer list GET /posts/feed', exact: true }),
    ).toBeVisible();
    await editor.expectSaved();
    // Laid out (the boxes grew) and settled, with the User's computed field in the inspector, for the README.
    await editor.button('Auto layout').click();
    await expect(editor.button('Undo')).toHaveAttribute('title', /Undo Auto layout/);
    let last = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify([await post.boundingBox(), await user.boundingBox()]);
        const still = now === last;
        last = now;
        return still;
      })
      .toBe(true);
    await user.click({ position: { x: 60, y: 14 } });
    await editor.inspector
      .getByRole('group', { name: 'Computed field followers_count' })
      .scrollIntoViewIfNeeded();
    await editor.expectSaved();
    await page.screenshot({ path: screenshotPath('behaviour-blocks.png') });

    // Reloaded: everything came back from the stored design.
    await editor.goto(workspaceId);
    await expect(user.locator('.row-computed', { hasText: 'followers_count' })).toBeVisible();
    await expect(postFields.getByRole('button', { name: /\bslug\b/ }).locator('.mark-derived')).toBeVisible();
    await expect(
      user.getByRole('button', { name: 'Action POST and DELETE /users/{username}/follow', exact: true }),
    ).toBeVisible();
    const feedRoute = post.getByRole('button', { name: 'Viewer list GET /posts/feed', exact: true });
    await expect(feedRoute).toBeVisible();
    await feedRoute.click();
    await expect(
      editor.inspector
        .getByRole('group', { name: 'Viewer list feed' })
        .getByLabel('Reaches the viewer through'),
    ).toHaveValue('r_post_author|field,r_user_follows|backref');
    await user.click({ position: { x: 60, y: 14 } });
    await expect(
      editor.inspector
        .getByRole('group', { name: 'Computed field followers_count' })
        .getByLabel('Over relation'),
    ).toHaveValue('r_user_follows|backref');

    // The same panels in the dark palette, for review (test output only).
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: testInfo.outputPath('behaviour-blocks-dark.png') });
  });
});

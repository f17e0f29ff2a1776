import { createWorkspace, expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

test.describe('design editor', () => {
  test('builds two related entities with the UI, autosaves and reloads them', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Editor build');
    const editor = new EditorPage(page);
    await editor.expectSaved();

    await editor.addEntity('Author');
    await editor.addField('email', 'email');
    await editor.addEntity('Article');
    await editor.addField('title', 'string');
    await editor.fitView();
    // Article holds the FK: many articles to one author (Author one-to-many Article).
    await editor.connect('Article', 'Author');

    await expect(editor.relation('Article.author to Author (N:1)')).toBeAttached();
    await expect(editor.edgeLabel('N:1')).toBeVisible();
    await expect(editor.entity('Article')).toContainText('author_id');
    await expect(editor.inspector.getByLabel('Kind', { exact: true })).toHaveValue('many-to-one');
    await expect(editor.saveStatus).toHaveText(/Unsaved changes|Saving…/);
    await editor.expectSaved();

    await page.reload();
    await expect(editor.entity('Author')).toContainText('email');
    await expect(editor.entity('Article')).toContainText('title');
    await expect(editor.entity('Article')).toContainText('author_id');
    await expect(editor.edgeLabel('N:1')).toBeVisible();
    await expect(editor.entity('Article').getByRole('button', { name: 'GET /articles/{id}' })).toBeVisible();
    await editor.expectSaved();
  });

  test('undoes and redoes with the keyboard', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Editor undo');
    const editor = new EditorPage(page);
    await editor.addEntity('Invoice');
    await editor.focusCanvas();

    await page.keyboard.press('Control+z'); // the rename (one coalesced step)
    await expect(editor.entity('Entity')).toBeVisible();
    await page.keyboard.press('Control+z'); // the add
    await expect(editor.entities()).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(editor.entity('Entity')).toBeVisible();
    await page.keyboard.press('Control+y');
    await expect(editor.entity('Invoice')).toBeVisible();
    await expect(editor.button('Redo')).toBeDisabled();

    // Delete removes the selected element through an operation, and it is undoable too.
    await editor.entity('Invoice').click({ position: { x: 60, y: 14 } });
    await page.keyboard.press('Delete');
    await expect(editor.entities()).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(editor.entity('Invoice')).toBeVisible();
    await editor.expectSaved();
  });

  test('a stale second tab gets the conflict message and keeps its work', async ({ signedIn: page }) => {
    const id = await createWorkspace(page, 'Editor conflict');
    const tabA = new EditorPage(page);
    const tabB = new EditorPage(await page.context().newPage());
    await tabB.goto(id);
    await tabB.expectSaved();

    await tabA.addEntity('FromTabA');
    await tabA.expectSaved();

    await tabB.addEntity('FromTabB');
    const banner = tabB.page.getByRole('alert').filter({ hasText: 'This workspace changed elsewhere' });
    await expect(banner).toBeVisible();
    await expect(tabB.saveStatus).toHaveText('Error');
    await expect(banner.getByRole('button', { name: 'Download my version' })).toBeVisible();
    await expect(tabB.entity('FromTabB')).toBeVisible();

    const download = tabB.page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download my version' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.fastdraft\.json$/);

    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(banner).toBeHidden();
    await expect(tabB.entity('FromTabA')).toBeVisible();
    await expect(tabB.entity('FromTabB')).toBeHidden();
    await tabB.expectSaved();
  });

  test('importing a bad JSON file shows the problems and changes nothing', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Editor import');
    const editor = new EditorPage(page);
    await editor.addEntity('Keep');
    await editor.expectSaved();

    await editor.importFile('broken.json', JSON.stringify({ formatVersion: 1, name: 'x', entities: 'nope' }));
    const alert = page.getByRole('alert').filter({ hasText: 'nothing was changed' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('entities');
    await expect(editor.entities()).toHaveCount(1);
    await expect(editor.entity('Keep')).toBeVisible();
    await editor.expectSaved();

    await editor.importFile('not-json.json', '{ nope');
    await expect(page.getByRole('alert').filter({ hasText: 'Not valid JSON' })).toBeVisible();
    await expect(editor.entities()).toHaveCount(1);
  });

  test('shows the blog template with entity nodes and routes', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Blog', 'blog');
    const editor = new EditorPage(page);
    for (const name of ['User', 'Post', 'Comment', 'Tag']) await expect(editor.entity(name)).toBeVisible();
    const post = editor.entity('Post');
    await expect(post.getByRole('button', { name: 'GET /posts', exact: true })).toBeVisible();
    await expect(post.getByRole('button', { name: 'GET /posts/{slug}', exact: true })).toBeVisible();
    await expect(post.getByRole('button', { name: /^DELETE \/posts\/\{slug\} \(/ })).toBeVisible();
    await expect(editor.edgeLabel('N:M').first()).toBeVisible();
    await expect(editor.problems).toContainText('Problems');
    await editor.expectSaved();

    await post.getByRole('button', { name: 'GET /posts/{slug}', exact: true }).click();
    await expect(editor.inspector.getByRole('heading', { name: 'Get one endpoint' })).toBeVisible();
    await expect(editor.inspector.getByLabel('Who can call it')).toHaveValue('public');
    await page.screenshot({ path: screenshotPath('editor.png') });
  });
});

import type { Locator, Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { PreviewPage, START_TIMEOUT } from './pages/preview-page';

/** Generating the blog takes seconds, more on a busy machine. */
const GENERATE_TIMEOUT = 120_000;
async function openCode(code: CodePage) {
  await code.codeTab.click();
  await expect(code.status).toHaveText(/^Generated \d+ files$/, { timeout: GENERATE_TIMEOUT });
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/editor-polish/${name}.png` });

/** How far the page reaches below the window (0: it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollHeight ?? 0) - window.innerHeight);

const box = async (locator: Locator) => {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
};

/** Picks a box on the canvas by its header, not by a row (a row selects the field). */
const selectBox = (editor: EditorPage, name: string) => editor.entity(name).locator('.node-title').click();

test.describe('editor polish', () => {
  test('the toolbar keeps one line with the longest name, and dashboard and toolbar show one name', async ({
    signedIn: page,
  }) => {
    test.setTimeout(GENERATE_TIMEOUT * 2);
    // Workspace names are at most 100 characters (the API's limit): the longest a toolbar can get.
    const long = `Inventory and fulfilment ${'with a very long name '.repeat(5)}`.slice(0, 99).concat('Z');
    const id = await createWorkspace(page, long, 'blog');
    const editor = new EditorPage(page);
    await expect(editor.entity('Post')).toBeVisible();
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const name = editor.toolbar.locator('.design-name');
      await expect(name).toHaveText(long);
      await expect(name).toHaveAttribute('title', long);
      // One line: every item of the toolbar is centred on the same row, the toolbar one item high.
      const items = editor.toolbar.locator(':scope > *:visible');
      const rects = await items.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      const middles = rects.map((r) => r.top + r.height / 2);
      expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);
      const tallest = Math.max(...rects.map((r) => r.height));
      expect((await box(editor.toolbar)).height).toBeLessThan(tallest + 20);
      // Nothing is pushed out of the toolbar at these widths: the save status is in view.
      await expect(editor.saveStatus).toBeInViewport({ ratio: 1 });
      // The name is cut with an ellipsis, not wrapped.
      expect(await name.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
      expect(await name.evaluate((e) => getComputedStyle(e).textOverflow)).toBe('ellipsis');
    }
    await shot(page, 'toolbar-long-name');

    // Renaming in the toolbar renames what the dashboard lists, and the generated project's title.
    await editor.toolbar.getByRole('button', { name: 'Rename workspace' }).click();
    await editor.toolbar.getByLabel('Workspace name').fill('Shop backend');
    await editor.toolbar.getByLabel('Workspace name').press('Enter');
    await expect(editor.toolbar.locator('.design-name')).toHaveText('Shop backend');
    await editor.expectSaved();
    await page.goto('/dashboard');
    const list = page.getByRole('list', { name: 'Workspaces' });
    await expect(list.getByRole('link', { name: 'Shop backend', exact: true })).toBeVisible();
    expect((await (await page.request.get(`/api/workspaces/${id}/design`)).json()).design.name).toBe(
      'Shop backend',
    );

    // And the other way round: a dashboard rename is what the toolbar and the Code view show.
    await list.getByRole('button', { name: 'Rename Shop backend' }).click();
    await page.getByLabel('New name').fill('Storefront API');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(list.getByRole('link', { name: 'Storefront API', exact: true })).toBeVisible();
    await page.goto(`/w/${id}`);
    await expect(editor.toolbar.locator('.design-name')).toHaveText('Storefront API');
    const code = new CodePage(page);
    await openCode(code);
    await code.file('app/core/config.py').click();
    await expect(code.visibleCode()).toContainText('PROJECT_NAME: str = "Storefront API"');
  });

  test('editor, Code and Try it are exactly as tall as the window', async ({ signedIn: page }) => {
    test.setTimeout(300_000);
    const id = await createWorkspace(page, 'Heights', 'blog');
    const editor = new EditorPage(page);
    await expect(editor.entity('Post')).toBeVisible();
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await expect.poll(() => overflow(page)).toBe(0);
    }
    const code = new CodePage(page);
    await openCode(code);
    await expect.poll(() => overflow(page)).toBe(0);

    const preview = new PreviewPage(page);
    await preview.open();
    await expect(preview.status).toBeVisible();
    await expect.poll(() => overflow(page)).toBe(0);
    const availability = await (await page.request.get(`/api/workspaces/${id}/preview`)).json();
    if (availability.state !== 'unavailable') {
      // With Swagger UI on screen too: it scrolls inside its panel, the page does not.
      await preview.expectRunning();
      await expect(preview.swagger.locator('.opblock').first()).toBeVisible({ timeout: START_TIMEOUT });
      await expect.poll(() => overflow(page)).toBe(0);
      await shot(page, 'try-it-fits');
    }
  });

  test('Fit view leaves no box under the minimap', async ({ signedIn: page }) => {
    const id = await createWorkspace(page, 'Overview', 'shop');
    const editor = new EditorPage(page);
    // Boxes spread like the canvas is shaped, one in the bottom-right corner: where the minimap sits.
    const { design, version } = await (await page.request.get(`/api/workspaces/${id}/design`)).json();
    const ids: string[] = [
      ...design.entities.map((e: { id: string }) => e.id),
      ...design.enums.map((e: { id: string }) => e.id),
    ];
    const spots = [
      [0, 0],
      [400, 0],
      [800, 0],
      [1200, 0],
      [0, 600],
      [1200, 600],
    ];
    const nodes = Object.fromEntries(
      ids.map((nodeId, i) => [nodeId, { x: spots[i]?.[0], y: spots[i]?.[1] }]),
    );
    const saved = await page.request.put(`/api/workspaces/${id}/design`, {
      data: { design: { ...design, layout: { nodes } }, baseVersion: version },
    });
    expect(saved.status()).toBe(200);
    await page.reload();
    await expect(editor.entities()).toHaveCount(design.entities.length);
    const minimap = page.locator('.react-flow__minimap');
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1100, height: 700 },
    ]) {
      await page.setViewportSize(size);
      await editor.fitView();
      await expect(minimap).toBeVisible();
      const map = await box(minimap);
      await expect
        .poll(async () => {
          const nodes = await page
            .locator('.react-flow__node')
            .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
          return nodes.filter(
            (n) =>
              n.right > map.x && n.left < map.x + map.width && n.bottom > map.y && n.top < map.y + map.height,
          ).length;
        })
        .toBe(0);
    }
    await expect(page.locator('.react-flow__node').first()).toBeInViewport();
    await shot(page, 'fit-view-minimap');
  });

  test('a boolean default is a choice of none / true / false', async ({ signedIn: page }) => {
    test.setTimeout(GENERATE_TIMEOUT * 2);
    await createWorkspace(page, 'Boolean default');
    const editor = new EditorPage(page);
    await editor.addEntity('Task');
    await editor.addField('done', 'boolean');
    const value = editor.inspector.getByLabel('Default value', { exact: true });
    await expect(value).toHaveJSProperty('tagName', 'SELECT');
    await expect(value.locator('option')).toHaveText(['None', 'true', 'false']);
    await expect(editor.inspector.getByLabel('Value', { exact: true })).toHaveCount(0);
    await value.selectOption('false');
    await expect(value).toHaveValue('false');
    await editor.expectSaved();
    await page.reload();
    await editor.entity('Task').getByRole('button', { name: /done/ }).click();
    await expect(editor.inspector.getByLabel('Default value', { exact: true })).toHaveValue('false');
    const code = new CodePage(page);
    await openCode(code);
    await code.file('app/models/task.py').click();
    await expect(code.visibleCode()).toContainText('default=False');
  });

  test('choosing the enum type picks the enum when there is only one', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Enum pick');
    const editor = new EditorPage(page);
    await editor.button('Add enum').click();
    await expect(editor.inspector.getByLabel('Name', { exact: true })).toHaveValue('Status');
    await editor.addEntity('Ticket');
    await editor.addField('state', 'enum');
    await expect(editor.inspector.getByLabel('Enum', { exact: true })).toHaveValue(/^enm_/);
    await expect(editor.inspector.getByLabel('Enum', { exact: true }).locator('option:checked')).toHaveText(
      'Status',
    );
    await expect(editor.entity('Ticket')).toContainText('Status');
    await expect(editor.problems.getByRole('button', { name: /state/ })).toHaveCount(0);

    // With two enums there is a choice to make.
    await editor.button('Add enum').click();
    await selectBox(editor, 'Ticket');
    await editor.addField('priority', 'enum');
    await expect(editor.inspector.getByLabel('Enum', { exact: true })).toHaveValue('');
  });

  test('"Some roles" offers the role enum\'s values as checkboxes', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Roles', 'blog');
    const editor = new EditorPage(page);
    await editor
      .entity('Comment')
      .getByRole('button', { name: /^DELETE \/comments\/\{/ })
      .click();
    const access = editor.inspector.getByLabel('Who can call it', { exact: true });
    await access.selectOption('roles');
    const roles = editor.inspector.getByRole('group', { name: 'Roles: Who can call it' });
    await expect(roles.getByRole('checkbox')).toHaveCount(3);
    await expect(editor.inspector.getByLabel('Roles (comma-separated)')).toHaveCount(0);
    await roles.getByLabel('admin', { exact: true }).check();
    await expect(roles.getByLabel('admin', { exact: true })).toBeChecked();
    await expect(
      editor.entity('Comment').getByRole('button', { name: /^DELETE \/comments\/\{\w+\} \(Roles: admin\)$/ }),
    ).toBeVisible();
    await roles.getByLabel('author', { exact: true }).check();
    await expect(
      editor.entity('Comment').getByRole('button', { name: /^DELETE .*\(Roles: author, admin\)$/ }),
    ).toBeVisible();
    await shot(page, 'roles-checkboxes');
  });

  test('the Auth panel offers only fields that fit each setting', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Auth fields', 'blog');
    const editor = new EditorPage(page);
    await editor.button('Auth').click();
    const options = (label: string) =>
      editor.inspector.getByLabel(label, { exact: true }).locator('option').allTextContents();
    await expect(editor.inspector.getByLabel('Login field', { exact: true })).toBeVisible();
    const login = await options('Login field');
    expect(login.length).toBeGreaterThan(0);
    for (const option of login) expect(option).toMatch(/\((string|email)\)$/);
    expect(await options('Password field')).toEqual(['password (password)']);
    const role = await options('Role field');
    expect(role[0]).toBe('None (no roles)');
    for (const option of role.slice(1)) expect(option).toMatch(/\((enum|string)\)$/);
    expect(role.some((o) => o.endsWith('(enum)'))).toBe(true);
    expect(await options('User entity')).toEqual(['User']);
  });

  test('custom endpoints are on the canvas and edited, added and deleted there', async ({
    signedIn: page,
  }) => {
    test.setTimeout(GENERATE_TIMEOUT * 2);
    await createWorkspace(page, 'Custom endpoints', 'blog');
    const editor = new EditorPage(page);
    const code = new CodePage(page);
    const loose = page.getByRole('group', { name: 'Custom endpoints', exact: true });
    await expect(loose.getByRole('button', { name: 'Custom endpoint GET /me' })).toBeVisible();
    // The blog publishes posts with an action (no stub): give Post an endpoint of its own first.
    await selectBox(editor, 'Post');
    await editor.inspector.getByRole('button', { name: 'Add endpoint' }).click();
    await editor.inspector.getByLabel('Method', { exact: true }).selectOption('POST');
    await editor.inspector.getByLabel('Path', { exact: true }).fill('/{slug}/pin');
    await editor.inspector.getByLabel('Response', { exact: true }).selectOption({ label: 'Post' });
    const pin = editor.entity('Post').getByRole('button', { name: 'Custom endpoint POST /posts/{slug}/pin' });
    await expect(pin).toBeVisible();

    // Edit: the inspector shows it; the canvas and the generated code follow.
    await selectBox(editor, 'Comment');
    await pin.click();
    await expect(editor.inspector.getByRole('region', { name: 'Custom endpoint' })).toBeVisible();
    await expect(editor.inspector.getByLabel('Method', { exact: true })).toHaveValue('POST');
    await expect(
      editor.inspector.getByLabel('Response', { exact: true }).locator('option:checked'),
    ).toHaveText('Post');
    const path = editor.inspector.getByLabel('Path', { exact: true });
    await path.fill('/{slug}/feature');
    await editor.inspector.getByLabel('Summary', { exact: true }).fill('Feature a post');
    await expect(
      editor.entity('Post').getByRole('button', { name: 'Custom endpoint POST /posts/{slug}/feature' }),
    ).toBeVisible();
    await shot(page, 'custom-endpoint-inspector');
    await openCode(code);
    await code.file('app/api/routes/custom.py').click();
    await expect(code.visibleCode()).toContainText('"/posts/{slug}/feature"');
    await expect(code.visibleCode()).toContainText('summary="Feature a post"');
    await code.designTab.click();

    // A bad path is an inline problem, and the problems panel leads back to the endpoint.
    await path.fill('feature');
    await expect(path).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.inspector.locator('.field-error')).toContainText("must start with '/'");
    await selectBox(editor, 'Tag');
    await editor.problems.getByRole('button', { name: /invalid-path/ }).click();
    await expect(editor.inspector.getByLabel('Path', { exact: true })).toHaveValue('feature');
    await path.fill('/{slug}/feature');
    await expect(path).not.toHaveAttribute('aria-invalid', 'true');

    // Delete: the inspector button and the Delete key.
    await editor.inspector.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(editor.entity('Post').getByRole('button', { name: /^Custom endpoint / })).toHaveCount(0);
    // The canvas redraws after the delete: select once the row is settled, and see the selection before Delete.
    await expect(async () => {
      await loose.getByRole('button', { name: 'Custom endpoint GET /me' }).click();
      await expect(editor.inspector.getByRole('region', { name: 'Custom endpoint' })).toBeVisible({
        timeout: 2_000,
      });
    }).toPass();
    await page.keyboard.press('Delete');
    await expect(loose).toHaveCount(0);

    // Add one to an entity from its inspector.
    await selectBox(editor, 'Tag');
    await editor.inspector.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(
      editor.entity('Tag').getByRole('button', { name: 'Custom endpoint GET /tags/action' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await editor.inspector.getByLabel('Method', { exact: true }).selectOption('POST');
    await editor.inspector.getByLabel('Path', { exact: true }).fill('/merge');
    await editor.inspector.getByLabel('Request body', { exact: true }).selectOption({ label: 'Tag' });
    await editor.inspector.getByLabel('Response', { exact: true }).selectOption({ label: 'Tag' });
    await editor.inspector.getByLabel('Returns a list', { exact: true }).check();
    await expect(
      editor.entity('Tag').getByRole('button', { name: /^Custom endpoint POST \/tags\/merge/ }),
    ).toBeVisible();
    await expect(editor.problems.locator('.count')).toHaveText('0');

    // And one of no entity from the toolbar: it gets a box of its own.
    await editor.button('Add endpoint').click();
    await expect(loose.getByRole('button', { name: 'Custom endpoint GET /action' })).toBeVisible();
    await editor.inspector.getByLabel('Path', { exact: true }).fill('/stats');
    await expect(loose.getByRole('button', { name: /^Custom endpoint GET \/stats/ })).toBeVisible();
    await editor.expectSaved();
    await shot(page, 'custom-endpoints-canvas');

    await openCode(code);
    await code.file('app/api/routes/custom.py').click();
    await expect(code.visibleCode()).toContainText('"/tags/merge"');
    await expect(code.visibleCode()).toContainText('list[TagRead]');
    await expect(code.visibleCode()).not.toContainText('/feature');

    // Saved: a reload shows the same boxes.
    await page.reload();
    await expect(
      editor.entity('Tag').getByRole('button', { name: /^Custom endpoint POST \/tags\/merge/ }),
    ).toBeVisible();
    await expect(loose.getByRole('button', { name: /^Custom endpoint GET \/stats/ })).toBeVisible();
  });
});

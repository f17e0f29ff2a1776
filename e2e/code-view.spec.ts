import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { createWorkspace, expect, newAccount, signUp, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

test.describe('Code view', () => {
  test('shows the generated project, marks what a design edit changed, and diffs it', async ({
    signedIn: page,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    const offsite: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offsite.push(url);
    });

    await createWorkspace(page, 'Blog code', 'blog');
    const editor = new EditorPage(page);
    const code = new CodePage(page);
    await expect(editor.entity('Post')).toBeVisible();

    await code.open();
    await expect(code.file('app/main.py')).toBeVisible();
    await expect(code.file('app/models/post.py')).toBeVisible();
    await expect(code.file('pyproject.toml')).toBeVisible();
    // app/main.py opens first.
    await expect(code.visibleCode()).toContainText('FastAPI');
    await code.file('app/models/post.py').click();
    await expect(code.file('app/models/post.py')).toHaveAttribute('aria-current', 'true');
    await expect(code.visibleCode()).toContainText('class Post(Base):');
    // Monaco highlighted it as Python: keywords get their own token class.
    await expect(
      code.editor.locator('.view-line span[class*="mtk"]').filter({ hasText: /^class$/ }),
    ).toBeVisible();
    await expect(code.diagnostics).toContainText('Diagnostics');
    await expect(code.diffToggle).toBeDisabled();

    // Folders collapse and expand.
    await code.folder('models').click();
    await expect(code.file('app/models/post.py')).toBeHidden();
    await code.folder('models').click();
    await expect(code.file('app/models/post.py')).toBeVisible();

    // An edit in Design (not saved yet or saved: the in-memory design is what is generated).
    await code.designTab.click();
    await editor.entity('Post').click({ position: { x: 60, y: 14 } });
    await editor.addField('subtitle', 'string');
    await code.open();
    await expect(code.file('app/models/post.py')).toHaveAccessibleName(/^app\/models\/post\.py, modified/);
    await expect(code.file('app/schemas/post.py')).toHaveAccessibleName(/, modified/);
    await expect(code.file('app/main.py')).toHaveAccessibleName('app/main.py');
    await expect(page.getByText(/Since last generation: \d+ modified/)).toBeVisible();
    await expect(code.visibleCode()).toContainText('subtitle: Mapped[str]');
    await page.screenshot({ path: screenshotPath('code-view.png') });

    await code.diffToggle.click();
    await expect(code.diffToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(code.diffEditor).toBeVisible();
    await expect(code.diffEditor.locator('.modified-in-monaco-diff-editor .view-lines')).toContainText(
      'subtitle',
    );
    await expect(code.diffEditor.locator('.line-insert').first()).toBeVisible();
    await page.screenshot({ path: screenshotPath('code-view-diff.png') });

    expect(offsite).toEqual([]);
  });

  test('says generation is blocked and leads to the element at fault', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Blocked', 'blog');
    const editor = new EditorPage(page);
    const code = new CodePage(page);
    await editor.entity('Tag').click({ position: { x: 60, y: 14 } });
    await editor.inspector.getByLabel('Name', { exact: true }).fill('Post');

    await code.codeTab.click();
    await expect(code.status).toHaveText(/^Generation blocked by \d+ problems?$/);
    await expect(code.blocked).toContainText('duplicate-entity-name');
    await code.blocked.getByRole('button').first().click();
    await expect(code.designTab).toHaveAttribute('aria-selected', 'true');
    await expect(editor.inspector.getByLabel('Name', { exact: true })).toHaveValue('Post');
  });

  test('lists diagnostics as markers and jumps to them', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Diagnostics', 'blog');
    const code = new CodePage(page);
    // The real project is clean: checker findings are injected into the answer to see how they are shown.
    await page.route('**/api/workspaces/*/generate', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.diagnostics = [
        {
          file: 'app/models/tag.py',
          line: 1,
          column: 8,
          rule: 'F401',
          message: '`datetime` imported but unused',
          severity: 'error',
        },
        {
          file: 'tests/test_posts.py',
          line: 160,
          column: 1,
          rule: 'W391',
          message: 'far down',
          severity: 'warning',
        },
      ];
      await route.fulfill({ response, json: body });
    });
    await code.open();
    await expect(code.file('app/models/tag.py')).toHaveAccessibleName('app/models/tag.py, 1 diagnostic');
    await expect(code.diagnostics).toContainText('tests/test_posts.py:160 W391 far down');

    await code.diagnostics.getByRole('button', { name: /^app\/models\/tag\.py:1 F401/ }).click();
    await expect(code.file('app/models/tag.py')).toHaveAttribute('aria-current', 'true');
    await expect(code.editor.locator('.squiggly-error')).toHaveCount(1);
    // The squiggle is painted under the text layer, which takes the pointer: hover its spot. Monaco shows its
    // hover for a pointer that moved onto the word; one that arrived while the editor was still revealing the
    // line is ignored, so the pointer comes again until the hover is up.
    const hover = page.getByRole('tooltip').filter({ hasText: '`datetime` imported but unused' });
    await expect(async () => {
      await code.diagnostics.hover();
      await code.editor.locator('.squiggly-error').hover({ force: true });
      await expect(hover).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(hover).toContainText('ruff(F401)');
    await page.screenshot({ path: screenshotPath('code-view-diagnostics.png') });

    // A finding in a collapsed folder, far down its file: the folder opens and the line scrolls into view.
    await code.folder('tests').click();
    await expect(code.file('tests/test_posts.py')).toBeHidden();
    await code.diagnostics.getByRole('button', { name: /^tests\/test_posts\.py:160 W391/ }).click();
    await expect(code.file('tests/test_posts.py')).toHaveAttribute('aria-current', 'true');
    await expect(code.editor.locator('.line-numbers.active-line-number')).toHaveText('160');
    await expect(code.editor.locator('.squiggly-warning')).toBeVisible();
  });
});

test.describe('generate API', () => {
  let ownerApi: APIRequestContext;
  let otherApi: APIRequestContext;
  let anonymous: APIRequestContext;
  let workspaceId: string;
  const generate = (api: APIRequestContext, data: unknown = {}) =>
    api.post(`/api/workspaces/${workspaceId}/generate`, { data });

  test.beforeAll(async ({ browser, baseURL }) => {
    const owner = await (await browser.newContext()).newPage();
    await signUp(owner, newAccount('gen-owner'));
    ownerApi = owner.request;
    const other = await (await browser.newContext()).newPage();
    await signUp(other, newAccount('gen-other'));
    otherApi = other.request;
    anonymous = await playwrightRequest.newContext({ baseURL });
    const created = await ownerApi.post('/api/workspaces', { data: { name: 'Gen', template: 'blog' } });
    expect(created.status()).toBe(201);
    workspaceId = (await created.json()).id;
  });

  test('anonymous gets 401, another user 404', async () => {
    const anon = await generate(anonymous);
    expect(anon.status()).toBe(401);
    expect((await anon.json()).error.code).toBe('unauthenticated');
    const other = await generate(otherApi);
    expect(other.status()).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'not_found', message: 'Workspace not found.' } });
  });

  test('the owner gets the stored design generated and checked', async () => {
    const response = await generate(ownerApi);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.files['app/models/post.py']).toContain('class Post(Base):');
    expect(Array.isArray(body.diagnostics)).toBe(true);
    expect(new Date(body.generatedAt).getTime()).not.toBeNaN();
  });

  test('a posted design with problems answers ok: false; a malformed one 422', async () => {
    const { design } = await (await ownerApi.get(`/api/workspaces/${workspaceId}/design`)).json();
    design.entities[1].name = design.entities[0].name;
    const blocked = await generate(ownerApi, { design });
    expect(blocked.status()).toBe(200);
    const body = await blocked.json();
    expect(body.ok).toBe(false);
    expect(body.problems.map((p: { code: string }) => p.code)).toContain('duplicate-entity-name');

    const malformed = await generate(ownerApi, { design: { formatVersion: 1, entities: 'nope' } });
    expect(malformed.status()).toBe(422);
    const error = (await malformed.json()).error;
    expect(error.code).toBe('validation_failed');
    expect(error.issues.length).toBeGreaterThan(0);
  });
});

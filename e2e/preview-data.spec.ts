import type { Page } from '@playwright/test';
import { createWorkspace, expect, newAccount, signUp, test } from './fixtures';
import { EditorPage } from './pages/editor-page';
import { PreviewPage } from './pages/preview-page';

/** Skips (outside CI) when this machine cannot run previews. */
async function requirePreview(page: Page, workspaceId: string) {
  const availability = await (await page.request.get(`/api/workspaces/${workspaceId}/preview`)).json();
  if (availability.state === 'unavailable') {
    const reason = `preview unavailable: missing ${availability.missing.join(', ')} (${availability.howTo})`;
    expect(process.env.CI, reason).toBeFalsy();
    test.skip(true, reason);
  }
}

const authKey = (workspaceId: string) => `fastdraft.preview-auth.${workspaceId}`;
const stored = (page: Page, key: string) => page.evaluate((k) => window.localStorage.getItem(k), key);

test('Try it: authorization stays with its workspace; a reset says which tables and why, and clears it', async ({
  signedIn: page,
}) => {
  test.setTimeout(600_000);
  const preview = new PreviewPage(page);
  const editor = new EditorPage(page);
  const authorizeButton = preview.swagger.locator('.scheme-container .btn.authorize');

  const first = await createWorkspace(page, 'Lists A', 'todo');
  await requirePreview(page, first);
  await preview.open();
  await preview.expectRunning();
  const user = { email: `lists-${Date.now()}@example.com`, password: 'correct horse 42' };
  await expect((await preview.call('auth', 'register', user)).status).toHaveText(/^\s*201/);
  await preview.authorize(user.email, user.password);
  for (const title of ['Groceries', 'Chores']) {
    const created = await preview.call('todo-lists', 'create_todo_list', { title });
    await expect(created.status).toHaveText(/^\s*201/);
  }
  expect(await stored(page, authKey(first))).toContain('access_token');
  expect(await stored(page, 'authorized')).toBeNull();

  // Another workspace's preview does not get that token.
  const second = await createWorkspace(page, 'Lists B', 'todo');
  await preview.open();
  await preview.expectRunning();
  await expect(authorizeButton).toHaveClass(/unlocked/);
  await expect((await preview.call('todo-lists', 'list_todo_lists')).status).toHaveText(/^\s*401/);
  expect(await stored(page, authKey(second))).toBeNull();

  // Back in the first, its own authorization is still there (and valid: the data was kept).
  await editor.goto(first);
  await preview.open();
  await preview.expectRunning();
  await expect(authorizeButton).toHaveClass(/locked/);
  await expect(authorizeButton).not.toHaveClass(/unlocked/);
  const listed = await preview.call('todo-lists', 'list_todo_lists');
  await expect(listed.status).toHaveText(/^\s*200/);
  await expect(listed.body).toContainText('"total": 2');

  // A required unique yes/no on TodoList: the two lists cannot both get a distinct value.
  await preview.designTab.click();
  await editor.entity('TodoList').click({ position: { x: 60, y: 14 } });
  await editor.addField('pinned', 'boolean');
  await editor.inspector.getByLabel('Unique', { exact: true }).check();
  await expect(editor.inspector.getByLabel('Unique', { exact: true })).toBeChecked();
  await preview.open();
  const banner = page.getByRole('alert', { name: 'Data reset' });
  await expect(banner).toBeVisible({ timeout: 180_000 });
  await preview.expectRunning();
  await expect(banner).toContainText('Some preview data was reset');
  await expect(banner).toContainText('todo_lists (2 rows): no distinct value can be derived');
  await expect(banner).toContainText('The other tables kept their rows.');
  await expect(
    preview.steps.getByRole('listitem', { name: 'Migrate database: done, data reset' }),
  ).toBeVisible();
  await expect(
    preview.steps.getByRole('listitem', { name: 'Migrate database: done', exact: true }),
  ).toHaveCount(0);
  await page.screenshot({ path: 'test-results/preview-data-reset.png' });

  // The token died with the reset: Swagger no longer says Authorized, and nothing of it is stored.
  await expect(authorizeButton).toHaveClass(/unlocked/);
  expect(await stored(page, authKey(first))).toBeNull();
  await expect((await preview.call('todo-lists', 'list_todo_lists')).status).toHaveText(/^\s*401/);
  // The user was kept: signing in again works, and the lists are gone.
  await preview.authorize(user.email, user.password);
  const after = await preview.call('todo-lists', 'list_todo_lists');
  await expect(after.status).toHaveText(/^\s*200/);
  await expect(after.body).toContainText('"total": 0');

  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
});

test('an edit-link invite survives signing up; the sign-in page says why it was shown', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, newAccount('inviter'));
  const id = await createWorkspace(owner, 'Invite me', 'todo');
  const ownerEditor = new EditorPage(owner);
  await ownerEditor.expectSaved();
  await ownerEditor.button('Share').click();
  const dialog = owner.getByRole('dialog', { name: 'Share workspace' });
  await dialog.getByLabel('Access').selectOption('edit');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const input = dialog.getByRole('textbox', { name: 'New link' });
  await expect(input).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  const invite = new URL(await input.inputValue()).pathname;

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(invite);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(visitor.getByRole('status')).toHaveText('Sign in to open the shared workspace.');
  await visitor.getByRole('link', { name: 'Create an account' }).click();
  await expect(visitor).toHaveURL(/\/signup\?callbackUrl=%2Fs%2F/);
  const account = newAccount('invited');
  await visitor.getByLabel('Email').fill(account.email);
  await visitor.getByLabel('Password').fill(account.password);
  await visitor.getByRole('button', { name: 'Create account' }).click();
  // Back at the invite, which still asks before joining.
  await visitor.waitForURL(`**${invite}`);
  await expect(visitor.getByRole('heading', { name: 'Join “Invite me”' })).toBeVisible();
  await visitor.getByRole('button', { name: 'Join workspace' }).click();
  await visitor.waitForURL(`**/w/${id}`);
  await expect(new EditorPage(visitor).entity('TodoList')).toBeVisible();

  await Promise.all([ownerContext.close(), visitorContext.close()]);
});

test('sign-in and sign-up never send anyone to another site', async ({ browser, baseURL }) => {
  const attempts = ['//evil.com', 'https://evil.com', '/\\evil.com', '/\t/evil.com', '/a/../..//evil.com'];
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = newAccount('redirect');
  // Signed out: the page gives no reason (the callback is refused) and signing up lands on the dashboard.
  await page.goto(`/signup?callbackUrl=${encodeURIComponent('//evil.com')}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/dashboard');

  // Signed in: each page sends you on at once, to the dashboard when the callback is not a path here.
  for (const target of attempts) {
    for (const form of ['/signin', '/signup']) {
      await page.goto(`${form}?callbackUrl=${encodeURIComponent(target)}`);
      await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
      const url = new URL(page.url());
      expect(url.origin, `${form} ${target}`).toBe(new URL(baseURL ?? '').origin);
      expect(url.pathname, `${form} ${target}`).toBe('/dashboard');
    }
  }

  // Signed out again, through the form: the refused callback gives no reason and lands on the dashboard.
  await context.clearCookies();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent('https://evil.com')}`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  await context.close();
});

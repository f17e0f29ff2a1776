import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';

test('the Code view offers plain SQL for PostgreSQL: the revisions offline and the schema DDL, made on demand', async ({
  signedIn: page,
}) => {
  test.setTimeout(90_000);
  const id = await createWorkspace(page, 'Blog SQL', 'blog');
  const editor = new EditorPage(page);
  const code = new CodePage(page);
  await expect(editor.entity('Post')).toBeVisible();
  // Version 1 is committed; the working design then gets a new field (unsaved or not: the editor's design is used).
  expect(
    (await page.request.post(`/api/workspaces/${id}/versions`, { data: { message: 'v1' } })).status(),
  ).toBe(201);
  await editor.entity('Post').click({ position: { x: 60, y: 14 } });
  await editor.addField('subtitle', 'string');

  await code.open();
  const schemaFile = code.file('sql/postgresql/schema.sql');
  await expect(schemaFile).toBeVisible();
  await expect(code.file('sql/postgresql/migrations.sql')).toBeVisible();
  // Nothing is made until a SQL file is opened.
  const made = page.waitForResponse((r) => r.url().endsWith(`/api/workspaces/${id}/sql`));
  await schemaFile.click();
  const sqlStatus = page.getByRole('status', { name: 'SQL status' });
  await expect(sqlStatus).toBeVisible();
  const answer = await made;
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { migrations: string; schema: string };
  // The migrations follow the versions: v1's initial revision, then the pending one with the new column.
  expect(body.migrations).toContain('-- Running upgrade  -> 0001');
  expect(body.migrations).toMatch(/-> 0002_\w+\n[\s\S]*ALTER TABLE posts ADD COLUMN subtitle/);
  await expect(sqlStatus).toHaveText('PostgreSQL SQL, up to date with the design');
  await expect(code.visibleCode()).toContainText('-- PostgreSQL schema of the current design');
  await expect(code.visibleCode()).toContainText('CREATE TABLE users (');
  // Monaco highlights it as SQL.
  await expect(
    code.editor
      .locator('.view-line span[class*="mtk"]')
      .filter({ hasText: /^CREATE$/ })
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/code-view-postgres-sql.png' });

  await code.file('sql/postgresql/migrations.sql').click();
  await expect(code.visibleCode()).toContainText('-- PostgreSQL migrations');
  await expect(code.visibleCode()).toContainText('CREATE TABLE alembic_version');
  await expect(code.diffToggle).toBeDisabled();
});

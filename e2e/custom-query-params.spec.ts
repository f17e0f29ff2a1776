import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';

const HANDLER = 'app/handlers/get_me.py';
const MINE = '# Written by hand: kept by the merge.';

test('a query parameter added in the inspector reaches the written handler by the merge', async ({
  signedIn: page,
}) => {
  test.setTimeout(120_000);
  await createWorkspace(page, 'Query parameters', 'blog');
  const editor = new EditorPage(page);
  const code = new CodePage(page);
  const endpoint = page.getByRole('button', { name: 'Custom endpoint GET /me' });

  // The user writes into the handler first.
  await endpoint.click();
  await editor.inspector
    .getByRole('region', { name: 'Handler' })
    .getByRole('button', { name: 'Write the handler' })
    .click();
  await expect(code.status).toHaveText(/^Generated \d+ files$/);
  await expect(code.file(HANDLER)).toHaveAttribute('aria-current', 'true');
  await code.visibleCode().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(`${MINE}\n`);
  await expect(code.visibleCode()).toContainText(MINE);
  await expect(code.visibleCode()).not.toContainText('include_drafts');
  await editor.expectSaved();

  // Then the design gains a required yes/no query parameter.
  await code.designTab.click();
  await endpoint.click();
  const query = editor.inspector.getByRole('region', { name: 'Query parameters' });
  await query.getByRole('button', { name: 'Add query parameter' }).click();
  const row = query.getByRole('group', { name: 'Query parameter 1' });
  await row.getByLabel('Name').fill('include_drafts');
  await row.getByLabel('Type').selectOption({ label: 'Yes / no' });
  await row.getByLabel('Required').check();
  await expect(row).toContainText('?include_drafts');
  await editor.expectSaved();

  // The Code view shows the merged file: the user's line kept, the parameter in `handle(...)`.
  await code.open();
  await code.file(HANDLER).click();
  await expect(code.visibleCode()).toContainText('include_drafts: bool,');
  await expect(code.visibleCode()).toContainText(MINE);
  await expect(code.blocked).toHaveCount(0);

  // Deleting it takes it out of the signature again.
  await code.designTab.click();
  await endpoint.click();
  await query.getByRole('button', { name: 'Delete query parameter include_drafts' }).click();
  await expect(query.getByRole('group', { name: 'Query parameter 1' })).toHaveCount(0);
  await code.open();
  await code.file(HANDLER).click();
  await expect(code.visibleCode()).toContainText(MINE);
  await expect(code.visibleCode()).not.toContainText('include_drafts');
});

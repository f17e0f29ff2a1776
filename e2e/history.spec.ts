import type { Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

const historyDialog = (page: Page) => page.getByRole('dialog', { name: 'Version history' });

/** Opens History (the design must be saved), commits a version and waits for it in the list. */
async function commit(editor: EditorPage, message: string, number: number) {
  await editor.expectSaved();
  const dialog = historyDialog(editor.page);
  if (!(await dialog.isVisible())) await editor.button('History').click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Message').fill(message);
  await dialog.getByRole('button', { name: 'Commit', exact: true }).click();
  const row = dialog.getByRole('row', { name: `Version ${number}`, exact: true });
  await expect(row).toContainText(message);
  await expect(row).toContainText('just now');
  return dialog;
}

async function closeHistory(page: Page) {
  await historyDialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(historyDialog(page)).toBeHidden();
}

const postFields = (editor: EditorPage) =>
  editor.entity('Post').getByRole('list', { name: 'Fields of Post' });

test('commit versions, compare them with destructive warnings, restore one; migrations follow the history', async ({
  signedIn: page,
  account,
}) => {
  test.setTimeout(120_000);
  await createWorkspace(page, 'Versioned blog', 'blog');
  const editor = new EditorPage(page);

  // v1: the template as it is.
  let dialog = await commit(editor, 'v1', 1);
  await expect(dialog.getByRole('row', { name: 'Version 1' })).toContainText(account.email);
  await closeHistory(page);

  // v2: Post gets a subtitle; the commit shows what changed since v1.
  await editor.entity('Post').click({ position: { x: 60, y: 14 } });
  await editor.addField('subtitle', 'string');
  await expect(postFields(editor).getByRole('button', { name: /subtitle/ })).toBeVisible();
  await editor.expectSaved();
  await editor.button('History').click();
  const pendingSubtitle = historyDialog(page).getByRole('region', { name: 'Pending changes' });
  await expect(pendingSubtitle).toContainText('Added Post.subtitle');
  await expect(pendingSubtitle.getByRole('alert', { name: 'Destructive changes' })).toHaveCount(0);
  dialog = await commit(editor, 'v2', 2);
  const diff12 = dialog.getByRole('region', { name: 'Changes from v1 to v2' });
  await expect(diff12).toContainText('Added Post.subtitle');
  await expect(diff12.getByRole('alert', { name: 'Destructive changes' })).toHaveCount(0);
  await closeHistory(page);

  // v3: Post loses its body. Before the commit, the form shows the pending changes and, prominently, that
  // migrating drops the column; committing needs that acknowledged.
  await postFields(editor)
    .getByRole('button', { name: /\bbody\b/ })
    .click();
  await editor.inspector.getByRole('button', { name: 'Delete field' }).click();
  await expect(postFields(editor).getByRole('button', { name: /\bbody\b/ })).toHaveCount(0);
  await editor.expectSaved();
  await editor.button('History').click();
  dialog = historyDialog(page);
  const pendingChanges = dialog.getByRole('region', { name: 'Pending changes' });
  await expect(pendingChanges).toContainText('changes since v2');
  await expect(pendingChanges).toContainText('Removed Post.body');
  const beforeCommit = pendingChanges.getByRole('alert', { name: 'Destructive changes' });
  await expect(beforeCommit).toContainText(/Column \w+\.body is dropped: its values in every row are lost/);
  await dialog.getByLabel('Message').fill('v3');
  const commitButton = dialog.getByRole('button', { name: 'Commit', exact: true });
  await expect(commitButton).toBeDisabled();
  await page.screenshot({ path: screenshotPath('history-pending.png') });
  await beforeCommit.getByRole('checkbox', { name: /I understand that this data is lost/ }).check();
  await expect(commitButton).toBeEnabled();
  dialog = await commit(editor, 'v3', 3);
  const diff23 = dialog.getByRole('region', { name: 'Changes from v2 to v3' });
  await expect(diff23).toContainText('Removed Post.body');
  const warnings = diff23.getByRole('alert', { name: 'Destructive changes' });
  await expect(warnings).toContainText(/Column \w+\.body is dropped/);
  await expect(dialog.getByText('No changes since v3.')).toBeVisible();
  await page.screenshot({ path: screenshotPath('history.png') });

  // Any two versions compare: v1 and v3.
  await dialog.getByLabel('Compare version 2').uncheck();
  await dialog.getByLabel('Compare version 1').check();
  const diff13 = dialog.getByRole('region', { name: 'Changes from v1 to v3' });
  await expect(diff13).toContainText('Added Post.subtitle');
  await expect(diff13).toContainText('Removed Post.body');

  // Restore v1 (confirmed): the page reloads with v1's fields, and the restore is a new version.
  await dialog.getByRole('row', { name: 'Version 1' }).getByRole('button', { name: 'Restore' }).click();
  await dialog.getByRole('button', { name: 'Confirm restore' }).click();
  await expect(historyDialog(page)).toBeHidden();
  await expect(postFields(editor).getByRole('button', { name: /\bbody\b/ })).toBeVisible();
  await expect(postFields(editor).getByRole('button', { name: /subtitle/ })).toHaveCount(0);
  await editor.expectSaved();
  await editor.button('History').click();
  await expect(historyDialog(page).getByRole('row', { name: 'Version 4' })).toContainText(
    'Restore version 1',
  );
  await closeHistory(page);

  // The generated project's migrations follow the committed history, one revision per schema change.
  const code = new CodePage(page);
  await code.open();
  await expect(code.file('alembic/versions/0001_initial.py')).toBeVisible();
  await expect(code.file('alembic/versions/0002_v2.py')).toBeVisible();
  await expect(code.file('alembic/versions/0003_v3.py')).toBeVisible();
  await expect(code.file('alembic/versions/0004_restore_version_1.py')).toBeVisible();
});

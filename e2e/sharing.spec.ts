import type { Page } from '@playwright/test';
import { createWorkspace, expect, newAccount, signUp, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

/** Creates a link in the Share dialog (which must be open) and returns its URL. */
async function createLink(page: Page, role: 'view' | 'edit', expires = 'in 7 days'): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Share workspace' });
  const input = dialog.getByRole('textbox', { name: 'New link' });
  const before = (await input.count()) ? await input.inputValue() : '';
  await dialog.getByLabel('Access').selectOption(role);
  await dialog.getByLabel('Expires').selectOption({ label: expires });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(input).toHaveValue(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(input).not.toHaveValue(before);
  return input.inputValue();
}

test('share a workspace: a read-only view link, an edit link that adds a collaborator, revoke and remove', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The owner, in a context of their own.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, newAccount('owner'));
  const id = await createWorkspace(owner, 'Shared blog', 'blog');
  const ownerEditor = new EditorPage(owner);
  await ownerEditor.expectSaved();
  await ownerEditor.button('Share').click();
  const dialog = owner.getByRole('dialog', { name: 'Share workspace' });
  await expect(dialog).toBeVisible();
  const viewUrl = await createLink(owner, 'view');
  const viewPath = new URL(viewUrl).pathname;
  const viewToken = viewPath.split('/').pop()!;

  // An anonymous visitor opens the view link: canvas and code, read only.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(viewPath);
  const visitorEditor = new EditorPage(visitor);
  await expect(visitorEditor.entity('Post')).toBeVisible();
  expect(await visitorEditor.entities().count()).toBeGreaterThan(2);
  await expect(visitorEditor.toolbar.getByText('View only')).toBeVisible();
  await expect(visitorEditor.button('Add entity')).toBeHidden();
  await expect(visitorEditor.button('Share')).toHaveCount(0);
  await expect(visitorEditor.saveStatus).toHaveCount(0);
  // Selection and inspection still work; the inspector's controls are disabled.
  await visitorEditor.entity('Post').click({ position: { x: 60, y: 14 } });
  await expect(visitorEditor.inspector.getByLabel('Name', { exact: true })).toHaveValue('Post');
  await expect(visitorEditor.inspector.getByLabel('Name', { exact: true })).toBeDisabled();
  const code = new CodePage(visitor);
  await code.open();
  await expect(code.file('app/main.py')).toBeVisible();

  // Forced writes from that page are refused by the server.
  const { design, version } = await (await visitor.request.get(`/api/share/${viewToken}`)).json();
  expect(version).toBe(1);
  const forced = await visitor.request.put(`/api/workspaces/${id}/design`, {
    data: { design: { ...design, name: 'Defaced' }, baseVersion: version },
  });
  expect([401, 403, 404]).toContain(forced.status());
  const viaToken = await visitor.request.put(`/api/share/${viewToken}/design`, {
    data: { design: { ...design, name: 'Defaced' }, baseVersion: version },
  });
  expect(viaToken.status()).toBe(403);
  expect((await viaToken.json()).error.code).toBe('forbidden');
  expect((await (await owner.request.get(`/api/workspaces/${id}/design`)).json()).design.name).not.toBe(
    'Defaced',
  );

  // The owner shares an edit link; a second person signs in through it and becomes a collaborator.
  const editPath = new URL(await createLink(owner, 'edit')).pathname;
  await dialog.getByRole('button', { name: 'Close' }).click();
  const collaboratorContext = await browser.newContext();
  const collaborator = await collaboratorContext.newPage();
  const account = newAccount('collab');
  expect((await collaborator.request.post('/api/accounts', { data: account })).status()).toBe(201);
  await collaborator.goto(editPath);
  await expect(collaborator).toHaveURL(/\/signin\?callbackUrl=/);
  await collaborator.getByLabel('Email').fill(account.email);
  await collaborator.getByLabel('Password').fill(account.password);
  await collaborator.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Back on the link: opening it joined nothing; joining is an explicit button (a POST).
  await collaborator.waitForURL(`**${editPath}`);
  await expect(collaborator.getByRole('heading', { name: 'Join “Shared blog”' })).toBeVisible();
  expect((await collaborator.request.get(`/api/workspaces/${id}/design`)).status()).toBe(404);
  await collaborator.getByRole('button', { name: 'Join workspace' }).click();
  await collaborator.waitForURL(`**/w/${id}`);
  const collaboratorEditor = new EditorPage(collaborator);
  await expect(collaboratorEditor.entity('Post')).toBeVisible();
  await expect(collaboratorEditor.button('Share')).toHaveCount(0);
  await collaboratorEditor.addEntity('Badge');
  await collaboratorEditor.addField('label', 'string');
  await collaboratorEditor.expectSaved();
  // Their dashboard lists it as shared with them.
  await collaborator.goto('/dashboard');
  const item = collaborator.getByRole('listitem', { name: 'Shared blog' });
  await expect(item).toContainText('Shared with you by owner-');
  await expect(item.getByRole('button', { name: 'Delete Shared blog' })).toHaveCount(0);

  // The owner reloads and sees the collaborator's field.
  await owner.reload();
  await expect(ownerEditor.entity('Badge')).toContainText('label');

  // The Share dialog lists both links and the collaborator.
  await ownerEditor.button('Share').click();
  const links = dialog.getByRole('table', { name: 'Share links' });
  await expect(links.getByRole('row')).toHaveCount(3);
  // A link made now can be copied (its URL is shown once; only the hash is stored).
  await createLink(owner, 'view', 'never');
  await expect(links.getByRole('row')).toHaveCount(4);
  await expect(links.getByRole('button', { name: 'Copy link' }).first()).toBeEnabled();
  const members = dialog.getByRole('list', { name: 'Members' });
  await expect(members.getByRole('listitem', { name: account.email })).toBeVisible();
  // The view link was used by the visitor; the edit link by the collaborator.
  await expect(links.getByRole('row', { name: 'view link' }).last().getByRole('cell').nth(3)).not.toHaveText(
    'never',
  );
  await dialog.screenshot({ path: screenshotPath('share.png') });

  // Revoking both links makes them 404, page and API.
  while ((await links.getByRole('button', { name: 'Revoke' }).count()) > 0) {
    const count = await links.getByRole('button', { name: 'Revoke' }).count();
    await links.getByRole('button', { name: 'Revoke' }).first().click();
    await expect(links.getByRole('button', { name: 'Revoke' })).toHaveCount(count - 1);
  }
  await expect(dialog.getByText('No links yet.')).toBeVisible();
  expect((await visitor.goto(viewPath))?.status()).toBe(404);
  expect((await visitor.request.get(`/api/share/${viewToken}`)).status()).toBe(404);
  expect((await visitor.request.post(`/api/share/${viewToken}/generate`, { data: {} })).status()).toBe(404);
  expect((await collaborator.goto(editPath))?.status()).toBe(404);

  // Removing the collaborator makes the workspace a 404 for them again.
  await members.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.getByText('No collaborators yet.')).toBeVisible();
  expect((await collaborator.goto(`/w/${id}`))?.status()).toBe(404);
  expect((await collaborator.request.get(`/api/workspaces/${id}/design`)).status()).toBe(404);

  await Promise.all([ownerContext.close(), visitorContext.close(), collaboratorContext.close()]);
});

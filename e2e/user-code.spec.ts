import { strFromU8, unzipSync } from 'fflate';
import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

const HANDLER = 'app/handlers/get_me.py';
const MINE = '# published by hand';

test.describe('User code', () => {
  test('a handler written in the Code view is saved, survives a reload, exports and imports back', async ({
    signedIn: page,
  }) => {
    test.setTimeout(180_000);
    const id = await createWorkspace(page, 'Handlers', 'blog');
    const editor = new EditorPage(page);
    const code = new CodePage(page);

    // From the canvas: the custom endpoint offers its handler module.
    await page.getByRole('button', { name: 'Custom endpoint GET /me' }).click();
    const handler = editor.inspector.getByRole('region', { name: 'Handler' });
    await expect(handler).toContainText(HANDLER);
    await handler.getByRole('button', { name: 'Write the handler' }).click();
    await expect(code.codeTab).toHaveAttribute('aria-selected', 'true');
    await expect(code.status).toHaveText(/^Generated \d+ files$/);
    await expect(code.file(HANDLER)).toHaveAttribute('aria-current', 'true');
    await expect(page.getByText('Your code: saved with the workspace')).toBeVisible();

    // Typing in the user's file changes it and autosaves.
    await code.visibleCode().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText(`${MINE}\n`);
    await expect(code.visibleCode()).toContainText(MINE);
    await editor.expectSaved();
    await page.screenshot({ path: screenshotPath('code-view-user-file.png') });

    // A generated file refuses typing and says why.
    await code.file('app/main.py').click();
    await expect(
      page.getByText('Generated from the design: edit the design or write a handler'),
    ).toBeVisible();
    await expect(code.visibleCode()).toContainText('FastAPI');
    await code.visibleCode().click();
    await page.keyboard.insertText('typed into a generated file');
    // Monaco handled the keystrokes and refused them with the reason: the text is as it was.
    await expect(page.locator('.monaco-editor-overlaymessage')).toContainText('Generated from the design');
    await expect(code.visibleCode()).not.toContainText('typed into a generated file');

    // A reload brings the stored text back.
    await page.reload();
    await code.open();
    await code.file(HANDLER).click();
    await expect(code.visibleCode()).toContainText(MINE);
    // Opening the generated file in between left the user's file as it was.
    await expect(code.visibleCode()).not.toContainText('The FastAPI application');

    // "New file" under tests/custom/.
    await page.getByRole('button', { name: 'New file' }).click();
    const form = page.getByRole('form', { name: 'New file' });
    await form.getByLabel('File name').fill('../escape');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await form.getByLabel('File name').fill('test_publish');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(code.file('tests/custom/test_publish.py')).toHaveAttribute('aria-current', 'true');
    await expect(code.visibleCode()).toContainText('def test_example() -> None:');
    await editor.expectSaved();

    // The export holds the user files at their paths, beside design.json.
    const exported = await page.request.get(`/api/workspaces/${id}/export`);
    expect(exported.status()).toBe(200);
    const zip = await exported.body();
    const entries = unzipSync(new Uint8Array(zip));
    expect(strFromU8(entries[HANDLER]!)).toContain(MINE);
    expect(entries['tests/custom/test_publish.py']).toBeDefined();
    expect(entries['design.json']).toBeDefined();

    // Importing it into another workspace restores design and code together.
    await createWorkspace(page, 'Imported', 'blank');
    await page.getByLabel('Import JSON or zip file').setInputFiles({
      name: 'handlers.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    await expect(editor.entity('Post')).toBeVisible();
    await editor.expectSaved();
    await page.reload();
    await code.open();
    await code.file(HANDLER).click();
    await expect(code.visibleCode()).toContainText(MINE);
  });
});

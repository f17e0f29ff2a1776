import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { PreviewPage, START_TIMEOUT } from './pages/preview-page';
import { screenshotPath } from './support/screenshots';

const HANDLER = 'app/handlers/get_hello.py';
const ENDPOINT = {
  id: 'c_hello',
  method: 'GET',
  path: '/hello',
  summary: 'Say hello',
  access: { kind: 'public' },
  response: { entityId: 'e_todo_list', list: false },
};
const ANSWER = 'Hello from my handler';
const RAISE = 'raise HTTPException(';
const SIGNATURE = ') -> TodoListRead:';

/** The scaffold with its 501 replaced by `body` (and the imports it needs). */
function written(scaffold: string, body: string, { stdlib = true, signature = SIGNATURE } = {}): string {
  const start = scaffold.indexOf(`    ${RAISE}`);
  expect(start, 'the scaffold raises 501').toBeGreaterThan(0);
  return scaffold
    .slice(0, start)
    .replace('from fastapi import HTTPException\n', stdlib ? 'from datetime import UTC, datetime\n\n' : '')
    .replace(SIGNATURE, signature)
    .concat(body);
}

const TYPE_ERROR = `    return "${ANSWER}"\n`;
const todoList = (indent: string) =>
  [
    `${indent}TodoListRead(`,
    `${indent}    id=1,`,
    `${indent}    title="${ANSWER}",`,
    `${indent}    owner_id=1,`,
    `${indent}    created_at=now,`,
    `${indent}    updated_at=now,`,
    `${indent})`,
  ].join('\n');
const FIXED = `    now = datetime.now(UTC)\n    return ${todoList('    ').trimStart()}\n`;
const RAISES = '    raise RuntimeError("boom from my handler")\n';
const LIST = `    now = datetime.now(UTC)\n    return [\n${todoList('        ')}\n    ]\n`;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test.describe('User code, live', () => {
  test('a handler written in the Code view is type-checked, runs in Try it, survives a conflict and the zip', async ({
    signedIn: page,
  }) => {
    test.setTimeout(900_000);
    const id = await createWorkspace(page, 'Live handler', 'todo');
    const editor = new EditorPage(page);
    const code = new CodePage(page);
    const preview = new PreviewPage(page);
    await expect(editor.entity('TodoList')).toBeVisible();

    const availability = await (await page.request.get(`/api/workspaces/${id}/preview`)).json();
    if (availability.state === 'unavailable') {
      const reason = `preview unavailable: missing ${availability.missing.join(', ')} (${availability.howTo})`;
      expect(process.env.CI, reason).toBeFalsy();
      test.skip(true, reason);
    }

    // A public custom endpoint answering a TodoList, added to the stored design.
    const designed = await (await page.request.get(`/api/workspaces/${id}/design`)).json();
    designed.design.customEndpoints.push(ENDPOINT);
    const saved = await page.request.put(`/api/workspaces/${id}/design`, {
      data: { design: designed.design, baseVersion: designed.version },
    });
    expect(saved.status()).toBe(200);
    const generated = await (await page.request.post(`/api/workspaces/${id}/generate`, { data: {} })).json();
    const scaffold: string = generated.files[HANDLER];
    expect(scaffold).toContain('async def handle(');
    await page.reload();

    // Canvas -> "Write the handler" -> the scaffold, editable.
    await page.getByRole('button', { name: 'Custom endpoint GET /hello' }).click();
    await editor.inspector
      .getByRole('region', { name: 'Handler' })
      .getByRole('button', { name: 'Write the handler' })
      .click();
    await expect(code.codeTab).toHaveAttribute('aria-selected', 'true');
    await expect(code.status).toHaveText(/^Generated \d+ files$/);
    await expect(code.file(HANDLER)).toHaveAttribute('aria-current', 'true');
    await expect(page.getByText('Your code: saved with the workspace')).toBeVisible();

    // Typed text is auto-indented and auto-closed by Monaco: the file's text is pasted instead (a paste event on
    // the focused editor, as the clipboard would send), then read back from the stored user code.
    const stored = async () =>
      (await (await page.request.get(`/api/workspaces/${id}/code`)).json()).userCode.files[HANDLER]?.content;
    const replaceText = async (text: string) => {
      await code.visibleCode().click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.evaluate((pasted) => {
        const data = new DataTransfer();
        data.setData('text/plain', pasted);
        document.activeElement?.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text);
      await expect.poll(stored).toBe(text);
    };
    const checksStatus = page.getByRole('status', { name: 'Checks status' });
    const runChecks = page.getByRole('button', { name: 'Run checks' });
    const squiggles = code.editor.locator('.squiggly-error');

    // A type error: Run checks lists mypy's finding at its line and marks it in the file.
    const broken = written(scaffold, TYPE_ERROR, { stdlib: false });
    await replaceText(broken);
    await expect(code.visibleCode()).toContainText(`return "${ANSWER}"`);
    await editor.expectSaved();
    await expect(checksStatus).toHaveText('mypy and pytest not run yet');
    await runChecks.click();
    await expect(checksStatus).toHaveText('Checks running…');
    await expect(checksStatus).toHaveText(/^Checks: \d+ findings? in [\d.]+ s$/, { timeout: START_TIMEOUT });
    console.info(`cold Run checks: ${await checksStatus.textContent()}`);
    const mypyRow = code.diagnostics
      .getByRole('button')
      .filter({ hasText: `${HANDLER}:${lineOf(broken, `return "${ANSWER}"`)}` })
      .filter({ hasText: 'mypy' });
    await expect(mypyRow).toContainText('Incompatible return value type');
    await expect(squiggles.first()).toBeVisible();
    await expect(code.file(HANDLER)).toHaveAccessibleName(/diagnostic/);
    await page.screenshot({ path: screenshotPath('code-view-run-checks.png') });

    // Fixed: the checks pass (the warm mypy cache makes the rerun quick) and the marker is gone.
    await replaceText(written(scaffold, FIXED));
    await expect(code.visibleCode()).toContainText('datetime.now(UTC)');
    await editor.expectSaved();
    await runChecks.click();
    await expect(checksStatus).toHaveText(/^Checks passed \(mypy: .*pytest: \d+ passed.*\) in [\d.]+ s$/, {
      timeout: START_TIMEOUT,
    });
    console.info(`warm Run checks (handler changed): ${await checksStatus.textContent()}`);
    await expect(mypyRow).toHaveCount(0);
    await expect(squiggles).toHaveCount(0);

    // Try it runs the handler (its own code: the check step type-checks it too) and answers with it.
    await preview.open();
    await preview.expectRunning();
    // The step's message (its title) names mypy's outcome.
    await expect(preview.steps.getByRole('listitem', { name: 'Check code: done' })).toHaveAttribute(
      'title',
      /mypy: passed/,
    );
    const hello = await preview.call('custom', 'get_hello');
    await expect(hello.status).toHaveText(/^\s*200/);
    await expect(hello.body).toContainText(ANSWER);

    // A handler that raises: a 500 and its traceback, linked to the handler's line.
    const raising = written(scaffold, RAISES, { stdlib: false });
    await code.open();
    await code.file(HANDLER).click();
    await replaceText(raising);
    await expect(code.visibleCode()).toContainText('boom from my handler');
    await editor.expectSaved();
    await preview.open();
    await preview.restart.click();
    await expect(preview.status).not.toHaveText('Running');
    await preview.expectRunning();
    const failed = await preview.call('custom', 'get_hello');
    await expect(failed.status).toHaveText(/^\s*500/);
    const traceback = page.getByRole('alert', { name: 'Server error' });
    await expect(traceback).toContainText('RuntimeError');
    const link = traceback.getByRole('button', {
      name: `Open ${HANDLER}:${lineOf(raising, 'boom from my')}`,
    });
    await expect(link).toBeVisible();
    await page.screenshot({ path: screenshotPath('try-it-traceback.png') });
    await link.click();
    await expect(code.codeTab).toHaveAttribute('aria-selected', 'true');
    await expect(code.file(HANDLER)).toHaveAttribute('aria-current', 'true');

    // A conflict: the signature line edited here, and changed by the design (the endpoint now returns a list).
    const commented = written(scaffold, FIXED, { signature: `${SIGNATURE}  # one list` });
    await replaceText(commented);
    await expect(code.visibleCode()).toContainText('# one list');
    await editor.expectSaved();
    await code.designTab.click();
    await page.getByRole('button', { name: 'Custom endpoint GET /hello' }).click();
    await editor.inspector.getByLabel('Returns a list').check();
    await expect(editor.inspector.getByLabel('Returns a list')).toBeChecked();
    await code.open();
    await code.file(HANDLER).click();
    await expect(code.visibleCode()).toContainText('<<<<<<<');
    await expect(
      code.diagnostics.getByRole('button').filter({ hasText: HANDLER }).filter({ hasText: 'merge-conflict' }),
    ).not.toHaveCount(0);
    await editor.expectSaved();
    await preview.open();
    await expect(preview.status).toHaveText(/^Failed: .*merge conflict/, { timeout: START_TIMEOUT });

    // Resolved in the editor: Try it runs again and answers the list.
    const resolved = written(scaffold, LIST, { signature: ') -> list[TodoListRead]:' });
    await code.open();
    await code.file(HANDLER).click();
    await replaceText(resolved);
    await expect(code.visibleCode()).not.toContainText('<<<<<<<');
    await expect(code.diagnostics.getByRole('button').filter({ hasText: 'merge-conflict' })).toHaveCount(0);
    await editor.expectSaved();
    await preview.open();
    await preview.restart.click();
    await preview.expectRunning();
    const listed = await preview.call('custom', 'get_hello');
    await expect(listed.status).toHaveText(/^\s*200/);
    await expect(listed.body).toContainText(ANSWER);

    // Export, import as a new workspace: the handler's code is the same.
    const mine = await stored();
    expect(mine).toBe(resolved);
    const exported = await page.request.get(`/api/workspaces/${id}/export`);
    expect(exported.status()).toBe(200);
    const zip = await exported.body();
    const copy = await createWorkspace(page, 'Imported handler', 'blank');
    await page.getByLabel('Import JSON or zip file').setInputFiles({
      name: 'live-handler.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    await expect(editor.entity('TodoList')).toBeVisible();
    await editor.expectSaved();
    const imported = await (await page.request.get(`/api/workspaces/${copy}/code`)).json();
    expect(imported.userCode.files[HANDLER].content).toBe(mine);
    await code.open();
    await code.file(HANDLER).click();
    await expect(code.visibleCode()).toContainText('return [');
  });
});

import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { PreviewPage } from './pages/preview-page';
import { screenshotPath } from './support/screenshots';

/**
 * The assistant against a local OpenAI-compatible test server (real HTTP, streaming, tool calls; see
 * e2e/support/fake-llm.ts): the request streams its steps, the proposal is highlighted on the canvas and diffed in
 * the Code view, and accepting makes it part of the design, the code and the live API.
 */
test.describe('Assistant', () => {
  test('registration request: proposal highlighted and diffed, accepted, then on canvas, in code and in Swagger', async ({
    signedIn: page,
  }) => {
    test.setTimeout(300_000);
    const workspaceId = await createWorkspace(page, 'Assistant demo', 'blank');
    const editor = new EditorPage(page);
    const code = new CodePage(page);
    await editor.addEntity('Post');
    await editor.expectSaved();

    await editor.button('Assistant').click();
    const panel = page.getByRole('complementary', { name: 'Assistant' });
    await expect(panel.getByText('fastdraft-test-model')).toBeVisible();
    await panel
      .getByLabel('Message the assistant')
      .fill('Create a POST endpoint for user registration that validates email and password');
    await panel.getByRole('button', { name: 'Send' }).click();

    // Every step streams in, then the proposal.
    const steps = panel.getByRole('list', { name: 'Steps' });
    await expect(steps.getByRole('listitem')).toHaveText([
      /Read the design/,
      /Apply 4 design operations — applied to the draft/,
      /Generate and check the project — all checks pass/,
    ]);
    const proposal = panel.getByRole('region', { name: 'Proposal' });
    await expect(proposal).toContainText('Checks pass');
    await expect(proposal).toContainText('Adds 1 entity: User');
    await expect(proposal).toContainText('Sets up authentication');
    await expect(panel).toContainText('POST /auth/register validates both');

    // The canvas shows the proposal, highlighted; editing waits for a decision.
    await expect(editor.entity('User')).toBeVisible();
    await expect(page.locator('.entity-node.is-proposed')).toHaveCount(1);
    await expect(page.locator('.entity-node.is-proposed')).toContainText('email');
    await expect(
      page.getByRole('status').filter({ hasText: 'Showing the assistant’s proposal' }),
    ).toBeVisible();
    await expect(editor.saveStatus).toHaveText('Saved');
    await page.screenshot({ path: screenshotPath('assistant-proposal.png') });

    // The Code view shows what the proposal changes, against the current design.
    await proposal.getByRole('button', { name: 'Show code changes' }).click();
    await expect(code.status).toHaveText(/^Generated \d+ files$/);
    await expect(page.getByText(/Proposal: \d+ modified, \d+ added/)).toBeVisible();
    await expect(code.file('app/api/routes/auth.py')).toHaveAccessibleName(/added/);
    await code.file('app/api/routes/auth.py').click();
    await expect(code.visibleCode()).toContainText('UserRegister');
    await code.designTab.click();

    await proposal.getByRole('button', { name: 'Accept' }).click();
    await expect(proposal).toContainText('Accepted.');
    await expect(page.locator('.entity-node.is-proposed')).toHaveCount(0);
    await editor.expectSaved();
    await expect(editor.button('Undo')).toHaveAttribute('title', /Undo Assistant: Adds 1 entity: User/);

    // Stored: a reload shows it, and the generated code has the endpoint.
    await editor.goto(workspaceId);
    await expect(editor.entity('User')).toBeVisible();
    // The conversation is kept too, until a new chat.
    await editor.button('Assistant').click();
    await expect(panel).toContainText('POST /auth/register validates both');
    await expect(panel.getByRole('region', { name: 'Proposal' })).toContainText('Accepted.');
    await panel.getByRole('button', { name: 'New chat' }).click();
    await expect(panel.getByRole('button', { name: /Paginate the posts list/ })).toBeVisible();
    await expect(panel).not.toContainText('POST /auth/register validates both');
    await editor.button('Assistant').click();
    await code.open();
    await expect(code.file('app/api/routes/auth.py')).toBeVisible();

    // And the live API has it.
    const preview = new PreviewPage(page);
    const availability = await (await page.request.get(`/api/workspaces/${workspaceId}/preview`)).json();
    if (availability.state === 'unavailable') {
      const reason = `preview unavailable: missing ${availability.missing.join(', ')}`;
      expect(process.env.CI, reason).toBeFalsy();
      test.skip(true, reason);
    }
    await preview.open();
    await preview.expectRunning();
    const registered = await preview.call('auth', 'register', {
      email: 'ada@example.com',
      password: 'short',
    });
    await expect(registered.status).toHaveText(/^\s*422/);
    const ok = await preview.call('auth', 'register', {
      email: 'ada@example.com',
      password: 'correct horse 42',
    });
    await expect(ok.status).toHaveText(/^\s*201/);
  });

  test('rejecting a proposal leaves the design as it was', async ({ signedIn: page }) => {
    const workspaceId = await createWorkspace(page, 'Assistant reject', 'blank');
    const editor = new EditorPage(page);
    await editor.button('Assistant').click();
    const panel = page.getByRole('complementary', { name: 'Assistant' });
    await panel.getByLabel('Message the assistant').fill('Add user registration');
    await panel.getByLabel('Message the assistant').press('Enter');
    const proposal = panel.getByRole('region', { name: 'Proposal' });
    await expect(proposal).toContainText('Checks pass');
    await expect(editor.entity('User')).toBeVisible();
    await proposal.getByRole('button', { name: 'Reject' }).click();
    await expect(proposal).toContainText('Rejected');
    await expect(editor.entity('User')).toHaveCount(0);
    await expect(editor.button('Undo')).toBeDisabled();

    // A question gets an answer and no proposal.
    await panel.getByLabel('Message the assistant').fill('What can you do?');
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect(panel).toContainText('I am the test model');
    await expect(panel.getByRole('region', { name: 'Proposal' })).toHaveCount(1);

    await editor.goto(workspaceId);
    await expect(editor.entity('User')).toHaveCount(0);
  });
});

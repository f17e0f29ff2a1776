import { expect, type Locator, type Page } from '@playwright/test';

/** Starting a preview generates, checks, migrates and boots the app: give it time. */
export const START_TIMEOUT = 180_000;

/** The "Try it" view of the workspace editor: preview progress, status, and Swagger UI on the running app. */
export class PreviewPage {
  readonly tab: Locator;
  readonly designTab: Locator;
  readonly status: Locator;
  readonly steps: Locator;
  readonly swagger: Locator;
  readonly api: Locator;
  readonly restart: Locator;
  readonly resetData: Locator;

  constructor(readonly page: Page) {
    const tabs = page.getByRole('tablist', { name: 'View' });
    this.tab = tabs.getByRole('tab', { name: 'Try it' });
    this.designTab = tabs.getByRole('tab', { name: 'Design' });
    this.status = page.getByRole('status', { name: 'Preview status' });
    this.steps = page.getByRole('list', { name: 'Preview steps' });
    this.swagger = page.locator('.swagger-panel .swagger-ui');
    this.api = page.getByRole('region', { name: 'API' });
    const panel = page.getByRole('tabpanel', { name: 'Try it' });
    this.restart = panel.getByRole('button', { name: 'Restart', exact: true });
    this.resetData = panel.getByRole('button', { name: 'Reset data', exact: true });
  }

  async open() {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
  }

  async expectRunning() {
    await expect(this.status).toHaveText(/^(Running|Failed: .*|Unavailable: .*)$/, {
      timeout: START_TIMEOUT,
    });
    await expect(this.status).toHaveText('Running');
    await expect(this.steps.getByRole('listitem', { name: 'Ready: done' })).toBeVisible();
  }

  /** An operation block of Swagger UI, by its `operations-<tag>-<operationId>` id. */
  operation(tag: string, operationId: string): Locator {
    return this.swagger.locator(`[id="operations-${tag}-${operationId}"]`);
  }

  /**
   * Expands an operation, fills its JSON body (when given), executes it and returns the live response's
   * status and body cells.
   */
  async call(tag: string, operationId: string, body?: unknown) {
    const block = this.operation(tag, operationId);
    await expect(block).toBeVisible();
    if (!(await block.evaluate((el) => el.classList.contains('is-open')))) {
      await block.locator('.opblock-summary').first().click();
    }
    // `tryItOutEnabled` opens the form at once (Execute shows); otherwise "Try it out" does.
    const tryOut = block.locator('.try-out__btn', { hasText: 'Try it out' });
    const execute = block.locator('.execute');
    await expect(tryOut.or(execute)).toBeVisible();
    if (await tryOut.isVisible()) await tryOut.click();
    if (body !== undefined) {
      const text = block.locator('textarea.body-param__text');
      await expect(text).toBeEditable();
      await text.fill(JSON.stringify(body, null, 2));
    }
    // A previous response stays on screen until cleared: clear it so the status read is this call's.
    const clear = block.locator('.btn-clear');
    if (await clear.isVisible()) await clear.click();
    await execute.click();
    const live = block.locator('.live-responses-table .response').first();
    await expect(live).toBeVisible();
    return {
      status: live.locator('.response-col_status'),
      body: live.locator('.response-col_description'),
    };
  }

  /** Swagger's Authorize dialog, OAuth2 password flow. */
  async authorize(username: string, password: string) {
    await this.swagger.locator('.scheme-container .btn.authorize').click();
    const dialog = this.swagger.locator('.dialog-ux .modal-ux');
    await expect(dialog).toBeVisible();
    const user = dialog.locator('#oauth_username');
    await user.click();
    await this.page.keyboard.insertText(username);
    const secret = dialog.locator('#oauth_password');
    await secret.click();
    await this.page.keyboard.insertText(password);
    await dialog.locator('.auth-btn-wrapper .btn.authorize').click();
    // The login answered with a token: the dialog shows the scheme as authorized, with a Logout button.
    await expect(dialog.getByRole('heading', { name: 'Authorized' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Remove authorization' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Code view of the workspace editor: generation status, file tree, Monaco, diagnostics. */
export class CodePage {
  readonly codeTab: Locator;
  readonly designTab: Locator;
  readonly status: Locator;
  readonly files: Locator;
  readonly editor: Locator;
  readonly diffEditor: Locator;
  readonly diffToggle: Locator;
  readonly diagnostics: Locator;
  readonly blocked: Locator;

  constructor(readonly page: Page) {
    const tabs = page.getByRole('tablist', { name: 'View' });
    this.codeTab = tabs.getByRole('tab', { name: 'Code' });
    this.designTab = tabs.getByRole('tab', { name: 'Design' });
    this.status = page.getByRole('status', { name: 'Generation status' });
    this.files = page.getByRole('navigation', { name: 'Files' });
    this.editor = page.locator('.code-editor-host .monaco-editor').first();
    this.diffEditor = page.locator('.code-editor-host .monaco-diff-editor');
    this.diffToggle = page.getByRole('button', { name: 'Diff', exact: true });
    this.diagnostics = page.getByRole('region', { name: 'Diagnostics' });
    this.blocked = page.getByRole('region', { name: 'Generation blocked' });
  }

  /** Switches to Code and waits until the newest generation is on screen. */
  async open() {
    await this.codeTab.click();
    await expect(this.codeTab).toHaveAttribute('aria-selected', 'true');
    await expect(this.status).toHaveText(/^Generated \d+ files$/);
  }

  /** A file of the tree; its accessible name is `path[, change][, N diagnostics]`. */
  file(path: string): Locator {
    return this.files.getByRole('button', { name: new RegExp(`^${escapeRegExp(path)}(,|$)`) });
  }

  folder(name: string): Locator {
    return this.files.getByRole('button', { name, exact: true });
  }

  /** The text Monaco renders for the open file (only the lines in view). */
  visibleCode(): Locator {
    return this.editor.locator('.view-lines');
  }
}

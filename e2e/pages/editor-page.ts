import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace editor at /w/<id>: canvas, toolbar, inspector, problems panel. */
export class EditorPage {
  readonly toolbar: Locator;
  readonly inspector: Locator;
  readonly saveStatus: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Editor' });
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.saveStatus = page.getByRole('status', { name: 'Save status' });
    this.problems = page.getByRole('region', { name: 'Problems' });
  }

  async goto(workspaceId: string) {
    await this.page.goto(`/w/${workspaceId}`);
    await expect(this.toolbar).toBeVisible();
  }

  entity(name: string): Locator {
    return this.page.getByRole('group', { name: `Entity ${name}`, exact: true });
  }

  entities(): Locator {
    return this.page.locator('.react-flow__node-entity');
  }

  relation(label: string): Locator {
    return this.page.getByRole('group', { name: `Relation ${label}` });
  }

  edgeLabel(cardinality: string): Locator {
    return this.page.locator('.edge-label', { hasText: cardinality });
  }

  button(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  async expectSaved() {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  /** Adds an entity with the toolbar and names it in the inspector. */
  async addEntity(name: string) {
    const before = await this.entities().count();
    await this.button('Add entity').click();
    await expect(this.entities()).toHaveCount(before + 1);
    await this.inspector.getByLabel('Name', { exact: true }).fill(name);
    await expect(this.entity(name)).toBeVisible();
  }

  /** Adds a field to the selected entity and sets its name and type. */
  async addField(name: string, type: string) {
    await this.inspector.getByRole('button', { name: 'Add field' }).click();
    await expect(this.inspector.getByRole('heading', { name: 'Field', exact: true })).toBeVisible();
    await this.inspector.getByLabel('Name', { exact: true }).fill(name);
    await this.inspector.getByLabel('Type', { exact: true }).selectOption(type);
  }

  async fitView() {
    await this.page.getByRole('button', { name: 'Fit View' }).click();
  }

  /** Drags from one entity's connect handle to another's, like a user drawing a relation. */
  async connect(from: string, to: string) {
    const source = this.page.getByLabel(`Connect from ${from}`, { exact: true });
    const target = this.page.getByLabel(`Connect to ${to}`, { exact: true });
    const a = await source.boundingBox();
    const b = await target.boundingBox();
    if (!a || !b) throw new Error('connect handles are not on screen');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 40, { steps: 8 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Clicks empty canvas so keyboard shortcuts go to the editor, not to a form field. */
  async focusCanvas() {
    await this.page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  }

  async importFile(name: string, contents: string) {
    await this.page.getByLabel('Import JSON or zip file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(contents),
    });
  }
}

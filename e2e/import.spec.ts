import { createWorkspace, expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

const SHOP_DDL = `-- A small shop
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

CREATE TABLE customers (
  id serial PRIMARY KEY,
  email varchar(254) NOT NULL UNIQUE,
  name text NOT NULL
);

CREATE TABLE products (
  id serial PRIMARY KEY,
  sku varchar(40) NOT NULL UNIQUE,
  price numeric(10, 2) NOT NULL CHECK (price >= 0)
);

CREATE TABLE orders (
  id serial PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  status order_status NOT NULL DEFAULT 'pending',
  placed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_lines (
  id serial PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id integer NOT NULL REFERENCES products (id),
  quantity integer NOT NULL CHECK (quantity > 0)
);
`;

/** An OpenAPI document (YAML) whose User schema clashes with the blog template's User. */
const USERS_OPENAPI = `openapi: 3.0.3
info:
  title: Directory
  version: "1.0"
paths:
  /users:
    get:
      responses:
        "200":
          description: Users
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/User"
components:
  schemas:
    User:
      type: object
      required: [username]
      properties:
        id:
          type: integer
          readOnly: true
        username:
          type: string
          maxLength: 50
`;

/**
 * Import through the real UI: the dashboard's "New from SQL / OpenAPI" (report, new workspace, the
 * import as a highlighted proposal, Accept as one undoable step), the editor's import into a design with a clash,
 * and a bad file's error with its line.
 */
test.describe('Import', () => {
  test('pasted SQL on the dashboard: report, new workspace with the proposal, accept, boxes on the canvas', async ({
    signedIn: page,
  }) => {
    await page.getByRole('button', { name: 'New from SQL / OpenAPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace from SQL or OpenAPI' });
    await dialog.getByLabel(/Or paste SQL DDL/).fill(SHOP_DDL);
    await dialog.getByRole('button', { name: 'Read' }).click();
    const report = dialog.getByRole('region', { name: 'Import report' });
    await expect(report.getByRole('status')).toContainText(/PostgreSQL: \d+ imported/);
    // What was imported is folded away (what was approximated or skipped is open): unfold it.
    await report.getByText(/^Imported \(\d+\)$/).click();
    await expect(report.getByRole('list', { name: 'Imported' })).toContainText('customers');
    await expect(report.getByRole('list', { name: 'Imported' })).toContainText(/line \d+:\d+/);
    await dialog.getByLabel('Workspace name').fill('Shop from SQL');
    await page.screenshot({ path: test.info().outputPath('import-dialog.png') });
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);

    const editor = new EditorPage(page);
    // The import waits as a highlighted proposal: four tables, one enum.
    const bar = page.getByRole('region', { name: 'Import proposal' });
    await expect(bar).toContainText('Showing the import');
    await expect(page.locator('.entity-node.is-proposed')).toHaveCount(4);
    await expect(editor.entities()).toHaveCount(4);
    await page.screenshot({ path: screenshotPath('import.png') });

    await bar.getByRole('button', { name: 'Accept import' }).click();
    await expect(bar).toBeHidden();
    await expect(page.locator('.entity-node.is-proposed')).toHaveCount(0);
    await expect(editor.entities()).toHaveCount(4);
    await expect(editor.saveStatus).toHaveText('Saved');
    // One undoable step: undo takes every box away, redo brings them back.
    await expect(editor.button('Undo')).toHaveAttribute('title', /Undo Import PostgreSQL/);
    await editor.button('Undo').click();
    await expect(editor.entities()).toHaveCount(0);
    await editor.button('Redo').click();
    await expect(editor.entities()).toHaveCount(4);
    await expect(editor.saveStatus).toHaveText('Saved');

    // Stored: a reload shows the imported design, with no proposal left.
    await page.reload();
    await expect(editor.entities()).toHaveCount(4);
    await expect(bar).toBeHidden();
  });

  test('the editor toolbar imports OpenAPI into the current design: the clash is listed, the copy renamed', async ({
    signedIn: page,
  }) => {
    await createWorkspace(page, 'Blog plus', 'blog');
    const editor = new EditorPage(page);
    const before = await editor.entities().count();
    await editor.button('Import').click();
    const dialog = page.getByRole('dialog', { name: 'Import SQL or OpenAPI into this design' });
    await dialog.getByLabel('Format').selectOption('openapi');
    await dialog.getByLabel(/Or paste SQL DDL/).fill(USERS_OPENAPI);
    await dialog.getByRole('button', { name: 'Read' }).click();
    const clashes = dialog.getByRole('list', { name: 'Clashes' });
    await expect(clashes).toContainText('The name User is taken: the imported entity is called User2.');
    await expect(dialog.getByRole('region', { name: 'Import report' }).getByRole('status')).toContainText(
      /OpenAPI 3\.0 \/ 3\.1: \d+ imported/,
    );
    await dialog.getByRole('button', { name: 'Show on the canvas' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.entity-node.is-proposed')).toHaveCount(1);
    await page
      .getByRole('region', { name: 'Import proposal' })
      .getByRole('button', { name: 'Accept import' })
      .click();
    await expect(editor.entity('User2')).toBeVisible();
    await expect(editor.entities()).toHaveCount(before + 1);
    await expect(editor.saveStatus).toHaveText('Saved');
  });

  test('a bad file shows the error with its line, and nothing is created', async ({ signedIn: page }) => {
    await page.getByRole('button', { name: 'New from SQL / OpenAPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace from SQL or OpenAPI' });
    await dialog.getByLabel('File').setInputFiles({
      name: 'broken.sql',
      mimeType: 'application/sql',
      buffer: Buffer.from('CREATE TABLE ok (id int);\n\nCREATE TABLE broken (id int,, name text);\n'),
    });
    await expect(dialog.getByLabel('Text of broken.sql')).toHaveValue(/CREATE TABLE broken/);
    await dialog.getByRole('button', { name: 'Read' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('The file could not be imported');
    await expect(alert).toContainText('line 3');
    // The offending line, quoted with a caret under the column.
    await expect(alert.getByLabel('Line 3')).toContainText('3 | CREATE TABLE broken (id int,, name text);');
    await expect(alert).toContainText('Nothing was imported.');
    await expect(dialog.getByRole('button', { name: 'Create workspace' })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('import-error.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('list', { name: 'Workspaces' })).toHaveCount(0);
  });
});

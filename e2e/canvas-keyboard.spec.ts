import type { Locator, Page } from '@playwright/test';
import { createWorkspace, expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';
import { screenshotPath } from './support/screenshots';

/** A box's canvas position, read from the transform React Flow gives its node. */
async function positionOf(box: Locator): Promise<{ x: number; y: number }> {
  const style = (await box.getAttribute('style')) ?? '';
  const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(style);
  if (!match) throw new Error(`no position in ${style}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? Number.NaN);
}

/** Clicks a box on its header, as a person selecting it does. */
async function selectBox(box: Locator) {
  await box
    .locator('.node-header, .enum-node')
    .first()
    .click({ position: { x: 40, y: 10 } });
}

async function blogEditor(page: Page, name: string) {
  await createWorkspace(page, name, 'blog');
  const editor = new EditorPage(page);
  await expect(editor.entity('Post')).toBeVisible();
  await editor.expectSaved();
  return editor;
}

test.describe('canvas keyboard and selection', () => {
  test('Ctrl+K finds a field: it is selected in the inspector and its box is centred', async ({
    signedIn: page,
  }) => {
    const editor = await blogEditor(page, 'Search');
    await editor.focusCanvas();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search the design' });
    await expect(palette).toBeVisible();
    const input = palette.getByRole('combobox');
    await expect(input).toBeFocused();
    await input.fill('post.title');
    await expect(palette.getByRole('option').first()).toContainText('Post.title');
    await page.screenshot({ path: screenshotPath('canvas-search.png') });
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(editor.inspector.getByRole('heading', { name: 'Field', exact: true })).toBeVisible();
    await expect(editor.inspector.getByLabel('Name', { exact: true })).toHaveValue('title');
    await expect(editor.entity('Post').getByRole('button', { name: /title/, pressed: true })).toBeVisible();
    // Centred: the box's middle is near the middle of the canvas.
    const canvas = await page.getByLabel('Design canvas').boundingBox();
    await expect
      .poll(async () => {
        const box = await editor.entity('Post').boundingBox();
        if (!box || !canvas) return Number.POSITIVE_INFINITY;
        return Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2));
      })
      .toBeLessThan(40);

    // Ctrl+F on the canvas searches too; a route selects the endpoint settings.
    await editor.focusCanvas();
    await page.keyboard.press('Control+f');
    await expect(palette).toBeVisible();
    await palette.getByRole('combobox').fill('POST /posts');
    await expect(palette.getByRole('option', { selected: true })).toContainText('POST /posts');
    await page.keyboard.press('Enter');
    await expect(editor.inspector.getByRole('heading', { name: 'Endpoint', exact: true })).toBeVisible();
    // In a form field the keys stay the field's.
    await editor.inspector.getByRole('combobox').first().focus();
    await page.keyboard.press('Control+k');
    await expect(palette).toBeHidden();
  });

  test('Shift-drag selects several boxes; dragging moves them all in one undo step; Delete removes them', async ({
    signedIn: page,
  }) => {
    const editor = await blogEditor(page, 'Box select');
    const post = editor.entity('Post');
    const comment = editor.entity('Comment');
    const postBox = await post.boundingBox();
    const commentBox = await comment.boundingBox();
    if (!postBox || !commentBox) throw new Error('boxes are not on screen');
    const before = { post: await positionOf(post), comment: await positionOf(comment) };

    await page.keyboard.down('Shift');
    await page.mouse.move(postBox.x - 12, postBox.y - 12);
    await page.mouse.down();
    await page.mouse.move(commentBox.x + 40, commentBox.y + 30, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect(editor.inspector.getByRole('heading', { name: '2 boxes selected' })).toBeVisible();
    await expect(post.locator('.entity-node')).toHaveClass(/is-selected/);
    await expect(comment.locator('.entity-node')).toHaveClass(/is-selected/);
    await expect(editor.entity('User').locator('.entity-node')).not.toHaveClass(/is-selected/);
    // A selection rectangle, not a text selection across the page (Ctrl+C must copy the boxes).
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
    await page.screenshot({ path: 'test-results/canvas-keyboard-box-selection.png' });

    // Drag one of them: both move by the same amount.
    const header = await post.locator('.node-header').boundingBox();
    if (!header) throw new Error('no header');
    await page.mouse.move(header.x + 60, header.y + 10);
    await page.mouse.down();
    await page.mouse.move(header.x + 160, header.y + 110, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await positionOf(post)).y).toBeGreaterThan(before.post.y + 40);
    const moved = { post: await positionOf(post), comment: await positionOf(comment) };
    expect(moved.comment.x - before.comment.x).toBeCloseTo(moved.post.x - before.post.x, 0);
    expect(moved.comment.y - before.comment.y).toBeCloseTo(moved.post.y - before.post.y, 0);

    await page.keyboard.press('Control+z');
    await expect.poll(() => positionOf(comment)).toEqual(before.comment);
    expect(await positionOf(post)).toEqual(before.post);

    await page.keyboard.press('Delete');
    await expect(post).toHaveCount(0);
    await expect(comment).toHaveCount(0);
    await expect(editor.entities()).toHaveCount(2);
    await page.keyboard.press('Control+z');
    await expect(editor.entities()).toHaveCount(4);
    await expect(post).toBeVisible();
    await editor.expectSaved();
  });

  test('arrow keys nudge the selected box by grid steps; Ctrl +/-/0 zoom', async ({ signedIn: page }) => {
    const editor = await blogEditor(page, 'Nudge');
    const tag = editor.entity('Tag');
    const start = await positionOf(tag);
    await selectBox(tag);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => positionOf(tag)).toEqual({ x: start.x + 20, y: start.y });
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => positionOf(tag)).toEqual({ x: start.x + 20, y: start.y + 200 });
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => positionOf(tag)).toEqual({ x: start.x, y: start.y + 200 });
    // The burst of presses is one undo step.
    await page.keyboard.press('Control+z');
    await expect.poll(() => positionOf(tag)).toEqual(start);

    const zoom = await zoomOf(page);
    await page.keyboard.press('Control+Equal');
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(zoom * 1.1);
    const zoomedIn = await zoomOf(page);
    // One step at a time: a press during the previous step's animation zooms from where that animation is.
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => zoomOf(page)).toBeLessThan(zoomedIn / 1.1);
    const once = await zoomOf(page);
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => zoomOf(page)).toBeLessThan(once / 1.1);
    await page.keyboard.press('Control+0');
    await expect.poll(() => zoomOf(page)).toBeCloseTo(zoom, 2);
  });

  test('copies boxes and pastes them here and in another workspace; hostile clipboard text is refused', async ({
    signedIn: page,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const editor = await blogEditor(page, 'Copy source');
    await selectBox(editor.entity('Post'));
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    const copy = editor.entity('Post2');
    await expect(copy).toBeVisible();
    await expect(copy.locator('.entity-node')).toHaveClass(/is-selected/);
    await expect(copy).toContainText('slug');
    await expect(editor.inspector.getByLabel('Name', { exact: true })).toHaveValue('Post2');
    await page.screenshot({ path: 'test-results/canvas-keyboard-paste.png' });
    await page.keyboard.press('Control+z');
    await expect(copy).toHaveCount(0);
    await editor.expectSaved();

    // Post and User with the relation between them, into a blank workspace (a fresh page load).
    await selectBox(editor.entity('Post'));
    await page.keyboard.down('Control');
    await selectBox(editor.entity('User'));
    await page.keyboard.up('Control');
    await expect(editor.inspector.getByRole('heading', { name: '2 boxes selected' })).toBeVisible();
    await page.keyboard.press('Control+c');
    await createWorkspace(page, 'Copy target');
    await expect(editor.toolbar).toBeVisible();
    await editor.focusCanvas();
    await page.keyboard.press('Control+v');
    await expect(editor.entity('Post')).toBeVisible();
    await expect(editor.entity('User')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Enum Role' })).toBeVisible();
    await expect(editor.relation('Post.author to User (N:1)')).toBeAttached();
    await expect(editor.entity('Post')).toContainText('author_id');
    await editor.expectSaved();

    // Someone else's JSON is left alone; a broken Fastdraft clipboard is refused with a message.
    await page.evaluate(() =>
      navigator.clipboard.writeText(
        JSON.stringify({
          fastdraft: 'fastdraft/design-selection',
          version: 1,
          formatVersion: 2,
          entities: [{}],
        }),
      ),
    );
    await editor.focusCanvas();
    await page.keyboard.press('Control+v');
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was pasted' })).toBeVisible();
    await expect(editor.entities()).toHaveCount(2);
    await editor.addEntity('StillWorks');
    await editor.expectSaved();
  });

  test('? and the canvas button show every shortcut', async ({ signedIn: page }) => {
    const editor = await blogEditor(page, 'Shortcuts');
    await editor.focusCanvas();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    for (const action of [
      'Search entities',
      'Zoom in',
      'Nudge the selected boxes',
      'Copy the selected boxes',
      'Undo',
    ])
      await expect(sheet.getByText(action).first()).toBeVisible();
    await page.screenshot({ path: 'test-results/canvas-keyboard-shortcuts.png' });
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toBeHidden();
  });

  test('undo still works after reloading the tab', async ({ signedIn: page }) => {
    await createWorkspace(page, 'Undo reload');
    const editor = new EditorPage(page);
    await editor.addEntity('Invoice');
    await editor.expectSaved();
    await page.reload();
    await expect(editor.entity('Invoice')).toBeVisible();
    await expect(editor.button('Undo')).toBeEnabled();
    await editor.focusCanvas();
    await page.keyboard.press('Control+z'); // the rename
    await expect(editor.entity('Entity')).toBeVisible();
    await page.keyboard.press('Control+z'); // the add
    await expect(editor.entities()).toHaveCount(0);
    await expect(editor.button('Redo')).toBeEnabled();
    await editor.expectSaved();

    // Reloaded again: the stored design is the empty one, and redo brings the entity back.
    await page.reload();
    await expect(editor.toolbar).toBeVisible();
    await expect(editor.button('Redo')).toBeEnabled();
    await editor.focusCanvas();
    await page.keyboard.press('Control+Shift+z');
    await expect(editor.entity('Entity')).toBeVisible();
  });
});

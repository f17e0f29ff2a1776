import type { Page } from '@playwright/test';
import { layoutSampleDesign } from '@/components/editor/flow/layout-samples';
import { createWorkspace, expect, test } from './fixtures';
import { CodePage } from './pages/code-page';
import { EditorPage } from './pages/editor-page';
import { PreviewPage } from './pages/preview-page';
import { screenshotPath } from './support/screenshots';

type Box = { id: string; x: number; y: number; width: number; height: number };

/** Every rendered box in flow coordinates (React Flow's transform), with its size on screen unscaled. */
function boxes(page: Page): Promise<Box[]> {
  return page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((node) => {
      const element = node as HTMLElement;
      const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(element.style.transform);
      return {
        id: element.dataset.id ?? '',
        x: Number(match?.[1] ?? Number.NaN),
        y: Number(match?.[2] ?? Number.NaN),
        width: element.offsetWidth,
        height: element.offsetHeight,
      };
    }),
  );
}

function overlaps(list: Box[]): number {
  let count = 0;
  for (const [i, a] of list.entries()) {
    for (const b of list.slice(i + 1)) {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) count++;
    }
  }
  return count;
}

function shape(list: Box[]) {
  const left = Math.min(...list.map((b) => b.x));
  const top = Math.min(...list.map((b) => b.y));
  const width = Math.max(...list.map((b) => b.x + b.width)) - left;
  const height = Math.max(...list.map((b) => b.y + b.height)) - top;
  return { aspect: width / height, columns: new Set(list.map((b) => Math.round(b.x))).size };
}

const background = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);

/** Dark backgrounds have every channel low; light ones high. */
function isDark(rgb: string): boolean {
  const channels = (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  return channels.length === 3 && Math.max(...channels) < 80;
}

test.describe('Auto layout', () => {
  test('lays 120 imported entities out without overlaps, modules side by side, as one undoable step', async ({
    signedIn: page,
  }, testInfo) => {
    await createWorkspace(page, 'Layout 120');
    const editor = new EditorPage(page);
    const design = layoutSampleDesign(120);
    await editor.importFile('layout-120.json', JSON.stringify(design));
    const total = design.entities.length + design.enums.length;
    await expect(page.locator('.react-flow__node')).toHaveCount(total);
    // Imported with every box at the origin: one pile.
    expect(overlaps(await boxes(page))).toBeGreaterThan(1000);

    await editor.button('Auto layout').click();
    await expect(editor.button('Undo')).toHaveAttribute('title', /Undo Auto layout/);
    // Every box drawn and none overlapping: the fit view after the layout animates for 200 ms, and until it
    // ends the canvas is zoomed in and draws only the few boxes in view (which may not overlap either).
    await expect
      .poll(async () => {
        const drawn = await boxes(page);
        return drawn.length === total ? overlaps(drawn) : `${drawn.length} of ${total} boxes drawn`;
      })
      .toBe(0);
    const laidOut = await boxes(page);
    expect(laidOut).toHaveLength(total);
    const { aspect, columns } = shape(laidOut);
    // Screen-shaped, not one tall column.
    expect(aspect).toBeGreaterThan(1);
    expect(aspect).toBeLessThan(2.6);
    expect(columns).toBeGreaterThan(10);
    await page.screenshot({ path: testInfo.outputPath('auto-layout-120.png') });

    await editor.button('Undo').click();
    await expect.poll(async () => overlaps(await boxes(page))).toBeGreaterThan(1000);
  });

  test('Layout selection moves only the picked boxes, in one undoable step', async ({
    signedIn: page,
  }, testInfo) => {
    await createWorkspace(page, 'Layout selection', 'shop');
    const editor = new EditorPage(page);
    await expect(editor.entity('Product')).toBeVisible();
    const layoutSelection = page.getByRole('button', { name: 'Layout selection', exact: true });
    await expect(layoutSelection).toBeDisabled();

    const before = await boxes(page);
    const picked = ['Product', 'Order', 'OrderLine'];
    for (const name of picked) {
      await editor
        .entity(name)
        .locator('.node-header')
        .click({ modifiers: ['Control'] });
    }
    await expect(layoutSelection).toBeEnabled();
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(picked.length);
    // Ctrl-clicking a picked box drops it from the picks and keeps the others; once more picks it again.
    const orderLine = editor.entity('OrderLine').locator('.node-header');
    await orderLine.click({ modifiers: ['Control'] });
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(picked.length - 1);
    await expect(layoutSelection).toBeEnabled();
    await orderLine.click({ modifiers: ['Control'] });
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(picked.length);
    const pickedIds = await page
      .locator('.react-flow__node.selected')
      .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.id ?? ''));

    await layoutSelection.click();
    await expect(editor.button('Undo')).toHaveAttribute('title', /Undo Layout selection/);
    await expect
      .poll(async () => {
        const now = await boxes(page);
        return now
          .filter((b) => pickedIds.includes(b.id))
          .some((b) => {
            const was = before.find((o) => o.id === b.id)!;
            return was.x !== b.x || was.y !== b.y;
          });
      })
      .toBe(true);
    const after = await boxes(page);
    for (const box of after.filter((b) => !pickedIds.includes(b.id))) {
      const was = before.find((o) => o.id === box.id)!;
      expect({ id: box.id, x: box.x, y: box.y }).toEqual({ id: was.id, x: was.x, y: was.y });
    }
    expect(overlaps(after.filter((b) => pickedIds.includes(b.id)))).toBe(0);
    await page.screenshot({ path: testInfo.outputPath('layout-selection.png') });

    await editor.button('Undo').click();
    await expect
      .poll(async () => (await boxes(page)).map((b) => [b.id, b.x, b.y]))
      .toEqual(before.map((b) => [b.id, b.x, b.y]));
  });
});

test('Shift-drag picks the boxes inside a rectangle for Layout selection', async ({ signedIn: page }) => {
  await createWorkspace(page, 'Rectangle pick', 'shop');
  const editor = new EditorPage(page);
  const order = editor.entity('Order');
  const line = editor.entity('OrderLine');
  await expect(line).toBeVisible();
  // The first fit-to-view animates: measure once the boxes stop moving.
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await line.boundingBox());
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
  const a = (await order.boundingBox())!;
  const b = (await line.boundingBox())!;
  const left = Math.min(a.x, b.x) - 12;
  const top = Math.min(a.y, b.y) - 12;
  const right = Math.max(a.x + a.width, b.x + b.width) + 12;
  const bottom = Math.max(a.y + a.height, b.y + b.height) + 12;
  await page.keyboard.down('Shift');
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move(right, bottom, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  // The two boxes are the groups React Flow renders; both now carry its `selected` class.
  await expect(order).toHaveClass(/\bselected\b/);
  await expect(line).toHaveClass(/\bselected\b/);
  await expect(page.getByRole('button', { name: 'Layout selection', exact: true })).toBeEnabled();
});

test.describe('Theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system, the toggle overrides it and is remembered, applied before the first paint', async ({
    signedIn: page,
  }, testInfo) => {
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(isDark(await background(page, 'html'))).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('dashboard-dark.png') });

    const toggle = page.getByRole('combobox', { name: 'Theme' });
    await expect(toggle).toHaveValue('system');
    await toggle.selectOption('light');
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(isDark(await background(page, 'html'))).toBe(false);

    // Reloaded under the dark system preference: light from the first paint (before <body> is parsed).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect(toggle).toHaveValue('light');
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => (window as { themeAtBody?: string }).themeAtBody)).toBe('light');

    await toggle.selectOption('system');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
  });

  test('dark canvas, inspector, Monaco and Swagger UI', async ({ signedIn: page }, testInfo) => {
    test.setTimeout(300_000);
    const workspaceId = await createWorkspace(page, 'Dark blog', 'blog');
    const editor = new EditorPage(page);
    await expect(editor.entity('Post')).toBeVisible();
    await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
    expect(isDark(await background(page, '.react-flow'))).toBe(true);
    expect(isDark(await background(page, '.entity-node'))).toBe(true);
    await editor.entity('Post').locator('.node-header').click();
    await expect(editor.inspector.getByLabel('Name', { exact: true })).toHaveValue('Post');
    expect(isDark(await background(page, 'aside.inspector'))).toBe(true);
    await page.screenshot({ path: screenshotPath('editor-dark.png') });

    await editor.button('Assistant').click();
    const assistant = page.locator('.assistant-panel');
    await expect(assistant).toBeVisible();
    expect(isDark(await background(page, '.assistant-panel'))).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('assistant-dark.png') });
    await editor.button('Assistant').click();
    await expect(assistant).toBeHidden();

    // Dialogs too: the History dialog and the Share dialog.
    for (const [button, heading] of [
      ['History', 'Version history'],
      ['Share', 'Share workspace'],
    ] as const) {
      await editor.button(button).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: heading }).first()).toBeVisible();
      expect(isDark(await dialog.evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
      expect(isDark(await dialog.evaluate((el) => getComputedStyle(el).color))).toBe(false);
      await page.screenshot({ path: testInfo.outputPath(`${button.toLowerCase()}-dialog-dark.png`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }

    const code = new CodePage(page);
    await code.codeTab.click();
    // Generation shares two cores with everything else on a loaded machine: more than open()'s 10 s.
    await expect(code.status).toHaveText(/^Generated \d+ files$/, { timeout: 90_000 });
    await code.file('app/main.py').click();
    await expect(code.editor).toBeVisible();
    await expect(code.editor).toHaveClass(/\bvs-dark\b/);
    expect(isDark(await background(page, '.code-editor-host .monaco-editor-background'))).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('code-dark.png') });

    // Switching to light re-themes Monaco in place.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect(code.editor).not.toHaveClass(/\bvs-dark\b/);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(code.editor).toHaveClass(/\bvs-dark\b/);

    const availability = await (await page.request.get(`/api/workspaces/${workspaceId}/preview`)).json();
    if (availability.state === 'unavailable') {
      const reason = `preview unavailable: missing ${availability.missing.join(', ')} (${availability.howTo})`;
      expect(process.env.CI, reason).toBeFalsy();
      test.skip(true, reason);
    }
    const preview = new PreviewPage(page);
    await preview.open();
    await preview.expectRunning();
    await expect(preview.swagger.locator('.info .title')).toBeVisible();
    expect(isDark(await background(page, '.swagger-panel .swagger-ui'))).toBe(true);
    const title = await preview.swagger.locator('.info .title').evaluate((el) => getComputedStyle(el).color);
    expect(isDark(title)).toBe(false);
    await page.screenshot({ path: testInfo.outputPath('try-it-dark.png') });
  });
});

import { chromium, type Page } from '@playwright/test';
import { syntheticDesign } from '@/lib/design/testing/arbitraries';
import { percentile, startAppServer } from './app-server';

const ENTITIES = Number(process.env.BENCH_CANVAS_ENTITIES ?? 300);

/**
 * Loads a synthetic design in the real editor in headless Chromium and pans the canvas.
 * Load: navigation start until the canvas shows its first entity nodes. Frames: requestAnimationFrame deltas
 * while the pane is dragged, then while one box is dragged (plus the time each mouse step takes to be handled).
 * Targets: load under 2 s, median frame under 20 ms.
 */
export async function canvasBenchmark() {
  const server = await startAppServer(3300);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const account = { email: `bench-${Date.now()}@example.test`, password: 'benchmark 1234' };
    await page.request.post(`${server.url}/api/accounts`, { data: account });
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your workspaces' }).waitFor();

    const created = await page.request.post(`${server.url}/api/workspaces`, {
      data: { name: 'Canvas bench' },
    });
    const { id } = (await created.json()) as { id: string };
    const design = { ...syntheticDesign(ENTITIES), name: 'Canvas bench' };
    const saved = await page.request.put(`${server.url}/api/workspaces/${id}/design`, {
      data: { design, baseVersion: 1 },
    });
    if (!saved.ok()) throw new Error(`saving the synthetic design failed: ${saved.status()}`);

    const loads: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(`${server.url}/w/${id}`);
      await page.locator('.react-flow__node').first().waitFor();
      loads.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as
            | PerformanceNavigationTiming
            | undefined;
          return performance.now() - (nav?.startTime ?? 0);
        }),
      );
    }
    const rendered = await page.locator('.react-flow__node').count();

    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const pan = await recordFrames(page, async () => {
      for (let sweep = 0; sweep < 4; sweep++) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        const dir = sweep % 2 === 0 ? -1 : 1;
        for (let step = 1; step <= 40; step++)
          await page.mouse.move(cx + dir * step * 15, cy + dir * step * 8);
        await page.mouse.up();
      }
    });

    // Dragging one box near the middle, first with the whole design in view (every box rendered), then zoomed in
    // to a working scale: every step moves the box and redraws its edges.
    const dragAtFit = await dragNode(page, cx, cy);
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await page.waitForTimeout(500);
    const dragZoomedIn = await dragNode(page, cx, cy);
    return {
      entities: ENTITIES,
      renderedNodes: rendered,
      loadMs: { runs: loads.map(Math.round), median: Math.round(percentile(loads, 50)) },
      panFrameMs: summary(pan),
      nodeDragAllInView: dragAtFit,
      nodeDragZoomedIn: dragZoomedIn,
    };
  } finally {
    await browser.close();
    server.stop();
  }
}

const summary = (values: number[]) => ({
  median: +percentile(values, 50).toFixed(1),
  p95: +percentile(values, 95).toFixed(1),
  count: values.length,
});

/** requestAnimationFrame deltas while `action` runs. */
async function recordFrames(page: Page, action: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  return (await page.evaluate(
    '(() => { window.__stop = true; return window.__frames.slice(1); })()',
  )) as number[];
}

/** The header of the entity box closest to (x, y). */
async function nodeNear(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const headers = await page.locator('.react-flow__node .node-header').all();
  let best: { x: number; y: number; d: number } | null = null;
  for (const header of headers.slice(0, 400)) {
    const b = await header.boundingBox();
    if (!b) continue;
    const c = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    const d = (c.x - x) ** 2 + (c.y - y) ** 2;
    if (!best || d < best.d) best = { ...c, d };
  }
  if (!best) throw new Error('no entity box on screen');
  return best;
}

const zoomOf = (page: Page) =>
  page.evaluate(
    "(() => { const m = /scale\\(([0-9.]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform); return m ? Number(m[1]) : null; })()",
  ) as Promise<number | null>;

/** Drags the box nearest (x, y) over 60 mouse steps: frame deltas and how long each step takes to be handled. */
async function dragNode(page: Page, x: number, y: number) {
  const zoom = await zoomOf(page);
  const visibleNodes = await page.locator('.react-flow__node').count();
  const node = await nodeNear(page, x, y);
  const steps: number[] = [];
  const frames = await recordFrames(page, async () => {
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    for (let step = 1; step <= 60; step++) {
      const t0 = performance.now();
      await page.mouse.move(node.x + Math.sin(step / 6) * 120, node.y + step * 2);
      steps.push(performance.now() - t0);
    }
    await page.mouse.up();
  });
  return {
    zoom: zoom === null ? null : +zoom.toFixed(2),
    renderedNodes: visibleNodes,
    frameMs: summary(frames),
    stepMs: summary(steps),
  };
}

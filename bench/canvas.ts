import { chromium } from '@playwright/test';
import { syntheticDesign } from '@/lib/design/testing/arbitraries';
import { percentile, startAppServer } from './app-server';

const ENTITIES = Number(process.env.BENCH_CANVAS_ENTITIES ?? 300);

/**
 * Loads a synthetic design in the real editor in headless Chromium and pans the canvas.
 * Load: navigation start until the canvas shows its first entity nodes. Frames: requestAnimationFrame deltas
 * while the pane is dragged. Targets: load under 2 s, median frame under 20 ms.
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
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (let sweep = 0; sweep < 4; sweep++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const dir = sweep % 2 === 0 ? -1 : 1;
      for (let step = 1; step <= 40; step++) await page.mouse.move(cx + dir * step * 15, cy + dir * step * 8);
      await page.mouse.up();
    }
    const frames = (await page.evaluate(
      '(() => { window.__stop = true; return window.__frames.slice(1); })()',
    )) as number[];
    return {
      entities: ENTITIES,
      renderedNodes: rendered,
      loadMs: { runs: loads.map(Math.round), median: Math.round(percentile(loads, 50)) },
      frameMs: {
        median: +percentile(frames, 50).toFixed(1),
        p95: +percentile(frames, 95).toFixed(1),
        frames: frames.length,
      },
    };
  } finally {
    await browser.close();
    server.stop();
  }
}

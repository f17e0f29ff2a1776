import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';

/**
 * A fresh clone's time to a usable editor, the way a person meets the app: README command 1 (`npm install &&
 * npm start`) in a new `git clone` of this repository (its committed HEAD), then a real browser. The install is
 * not timed and uses no network: node_modules is a hard-linked copy of this checkout's (`cp -al`). Timed:
 * the one-time build, the first page after the build, and each screen's first open in Chromium: sign-up to the
 * dashboard, the editor of a new blog workspace, the Code view's first generation, Try it (the view, then the
 * preview running or saying what it lacks), and the first zip export.
 * Targets (issue 15): first page < 5 s after the build, every screen's first open < 2 s. The server's CPU time
 * until its first page is printed too: on a shared machine wall times grow with everyone else's load.
 * BENCH_FIRST_RUN_PORT picks the port (default 3230); FASTDRAFT_PYTHON_CACHE (or FASTDRAFT_PYTHON) is passed on
 * to the server so Try it can run a preview.
 */
const PORT = Number(process.env.BENCH_FIRST_RUN_PORT ?? 3230);
const FIRST_PAGE_TARGET_MS = 5_000;
const SCREEN_TARGET_MS = 2_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const PREVIEW_TIMEOUT_MS = 180_000;

const repoRoot = path.resolve(import.meta.dirname, '..');
const round = (ms: number) => Math.round(ms);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: round(performance.now() - started), value };
}

/** Runs `npm start` in its own process group and resolves the moments it finished building and first answered. */
function startServer(clone: string, dataDir: string) {
  const log: string[] = [];
  const child: ChildProcess = spawn('npm', ['start', '--', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: clone,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      FASTDRAFT_DATA_DIR: dataDir,
      DATABASE_URL: '',
      NEXT_DIST_DIR: '',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const started = performance.now();
  let builtAt: number | undefined;
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim()) log.push(line);
      if (builtAt === undefined && /^(Built in|Using the existing build)/.test(line))
        builtAt = performance.now();
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { child, log, started, builtAt: () => builtAt, stop };
}

/**
 * CPU time (user + system) the live processes of a process group have used: after the build has exited, the
 * production server's own (and npm's and start.mjs's, a fraction of a second). Unlike wall time, it does not
 * grow with the machine's other load. Linux only (/proc); null elsewhere.
 */
function groupCpuMs(pgid: number): number | null {
  try {
    const ticks = 100; // USER_HZ on Linux
    let total = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the command name (which may hold spaces): state is field 3, pgrp 5, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      total += Number(fields[11]) + Number(fields[12]);
    }
    return Math.round((total / ticks) * 1000);
  } catch {
    return null;
  }
}

/** Polls until the URL answers 200 (bounded), returning when it first did. */
async function firstAnswer(url: string, alive: () => boolean, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (!alive()) throw new Error('the server exited');
    const ok = await fetch(url).then(
      async (r) => r.ok && (await r.text()).length > 0,
      () => false,
    );
    if (ok) return performance.now();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function screens(page: Page, url: string) {
  const tabs = page.getByRole('tablist', { name: 'View' });
  const email = `first-run-${Date.now().toString(36)}@example.test`;
  const signupPage = await timed(async () => {
    await page.goto(`${url}/signup`);
    await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();
  });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse 42');
  const dashboard = await timed(async () => {
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible({ timeout: 60_000 });
  });
  const form = page.getByRole('form', { name: 'New workspace' });
  await form.getByLabel('Workspace name').fill('First run');
  await form.getByLabel('Template').selectOption('blog');
  const editor = await timed(async () => {
    await form.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page.getByRole('group', { name: 'Entity Post', exact: true })).toBeVisible({
      timeout: 60_000,
    });
  });
  const code = await timed(async () => {
    await tabs.getByRole('tab', { name: 'Code' }).click();
    await expect(page.getByRole('status', { name: 'Generation status' })).toHaveText(
      /^Generated \d+ files$/,
      {
        timeout: 60_000,
      },
    );
    await expect(page.locator('.code-editor-host .monaco-editor').first()).toBeVisible({ timeout: 60_000 });
  });
  const tryIt = await timed(async () => {
    await tabs.getByRole('tab', { name: 'Try it' }).click();
    await expect(page.getByRole('status', { name: 'Preview status' })).toBeVisible({ timeout: 60_000 });
  });
  const preview = await timed(async () => {
    const status = page.getByRole('status', { name: 'Preview status' });
    await expect(status).toHaveText(/^(Running|Failed: .*|Unavailable: .*)$/, {
      timeout: PREVIEW_TIMEOUT_MS,
    });
    return (await status.textContent()) ?? '';
  });
  await tabs.getByRole('tab', { name: 'Design' }).click();
  const zip = await timed(async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('link', { name: 'Download project' }).click();
    const file = await (await download).path();
    return fs.statSync(file).size;
  });
  return {
    signupPageMs: signupPage.ms,
    dashboardMs: dashboard.ms,
    editorMs: editor.ms,
    codeFirstGenerationMs: code.ms,
    tryItViewMs: tryIt.ms,
    tryItPreview: { ms: preview.ms, status: preview.value },
    exportZip: { ms: zip.ms, bytes: zip.value },
  };
}

export async function firstRunBenchmark() {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fastdraft-first-run-'));
  const clone = path.join(temp, 'fastdraft');
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
  let server: ReturnType<typeof startServer> | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    const cloneMs = await timed(async () => {
      execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone]);
    });
    console.log(`cloned ${head} into ${clone} (${cloneMs.ms} ms)`);
    const linkMs = await timed(async () => {
      execFileSync('cp', ['-al', path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules')]);
    });
    console.log(
      `node_modules: a hard-linked copy of ${path.join(repoRoot, 'node_modules')} (${linkMs.ms} ms; npm install is not timed and uses no network)`,
    );

    server = startServer(clone, path.join(temp, 'data'));
    const s = server;
    const alive = () => s.child.exitCode === null;
    const url = `http://127.0.0.1:${PORT}`;
    const answeredAt = await firstAnswer(`${url}/signin`, alive, BUILD_TIMEOUT_MS);
    const serverCpuToFirstPageMs = groupCpuMs(s.child.pid!);
    const builtAt = s.builtAt() ?? s.started;
    const build = { ms: round(builtAt - s.started) };
    const firstPageAfterBuildMs = round(answeredAt - builtAt);
    console.log(
      `built in ${build.ms} ms; first page ${firstPageAfterBuildMs} ms after the build (server CPU ${serverCpuToFirstPageMs} ms)`,
    );

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const opened = await screens(page, url);
    const firstOpens = [
      opened.signupPageMs,
      opened.dashboardMs,
      opened.editorMs,
      opened.codeFirstGenerationMs,
      opened.tryItViewMs,
      opened.exportZip.ms,
    ];
    const load = os.loadavg().map((l) => l.toFixed(2));
    return {
      commit: head,
      date: new Date().toISOString(),
      loadAverage: load.join(' '),
      install: 'not timed: node_modules hard-linked from this checkout (cp -al)',
      buildMs: build.ms,
      firstPageAfterBuildMs,
      serverCpuToFirstPageMs,
      ...opened,
      targets: {
        firstPageMs: FIRST_PAGE_TARGET_MS,
        screenMs: SCREEN_TARGET_MS,
        firstPageMet: firstPageAfterBuildMs < FIRST_PAGE_TARGET_MS,
        everyScreenMet: firstOpens.every((ms) => ms < SCREEN_TARGET_MS),
      },
      serverLog: s.log.filter((line) => /error|warn|\[warm-up\]/i.test(line)).slice(0, 20),
    };
  } finally {
    await browser?.close();
    server?.stop();
    if (server)
      await new Promise((r) => (server!.child.exitCode === null ? server!.child.once('exit', r) : r(null)));
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

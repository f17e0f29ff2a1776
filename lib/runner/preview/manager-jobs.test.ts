/**
 * The preview's validate, generate and check steps run in the worker pool (lib/jobs), not on the server's event
 * loop: here the main thread's generator and validator throw when called, and the steps still succeed. The start
 * is stopped after the check step (no sandbox needed).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { StepEvent } from './events';

const onMainThread = (name: string) => () => {
  throw new Error(`${name} ran on the main thread`);
};
vi.mock('@/lib/generator', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/generator')>()),
  generateProject: onMainThread('generateProject'),
  checkProject: onMainThread('checkProject'),
}));
vi.mock('@/lib/design', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/design')>()),
  validateDesign: onMainThread('validateDesign'),
}));

const { templates } = await import('@/lib/design');
const { PreviewManager } = await import('./manager');

const previewsDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-preview-jobs-'));
const manager = new PreviewManager({
  previewsDir,
  check: true,
  availability: async () => ({
    ok: true,
    runtime: { python: '/nonexistent', readOnly: [], description: 'test' },
  }),
});
afterAll(async () => {
  await manager.stopAll();
  rmSync(previewsDir, { recursive: true, force: true });
});

/** Runs a start until its check step ends (or an earlier step fails), then stops it. */
async function stepsOf(id: string, design: unknown): Promise<StepEvent[]> {
  const steps: StepEvent[] = [];
  const end = await manager.start(id, design as never, {
    userId: 'jobs-test-user',
    onStep: (event) => {
      steps.push(event);
      if (event.step === 'check' && event.status !== 'running') void manager.stop(id);
    },
  });
  expect(end.ok).toBe(false);
  return steps;
}

describe('preview build steps in the worker pool', () => {
  it('validates, generates and checks off the main thread', async () => {
    const steps = await stepsOf('jobs-ok', templates.todo());
    const done = (name: string) => steps.find((s) => s.step === name && s.status === 'done');
    expect(done('validate')?.message).toBe('no problems');
    expect(done('generate')?.message).toMatch(/^\d+ files$/);
    expect(done('check')?.message).toMatch(/^\d+ error\(s\), \d+ warning\(s\)$/);
    expect(done('check')?.diagnostics).toEqual(expect.any(Array));
  }, 120_000);

  it("reports the design's problems from the worker", async () => {
    const design = templates.todo();
    design.entities[0]!.name = 'class';
    const steps = await stepsOf('jobs-problems', design);
    const failed = steps.find((s) => s.status === 'failed');
    expect(failed?.step).toBe('validate');
    expect(failed?.problems?.length).toBeGreaterThan(0);
    expect(failed?.problems?.[0]).toMatchObject({ code: expect.any(String), path: expect.any(String) });
  }, 120_000);
});

describe('user code in the preview', () => {
  it('checks the user files with the project and writes them into it', async () => {
    const HANDLER = 'app/handlers/publish.py';
    const userCode = { files: { [HANDLER]: { content: 'import os\n\nVALUE = 1\n', base: '' } } };
    const steps: StepEvent[] = [];
    const app = manager.pathsOf('jobs-user-code').app;
    let written: { handler: string; main: string } | null = null;
    // No Python here: the start fails at migrate, right after the project was written (read it then, before
    // a quota disk is unmounted).
    const end = await manager.start('jobs-user-code', templates.todo(), {
      userId: 'jobs-test-user',
      userCode,
      onStep: (event) => {
        steps.push(event);
        if (event.step === 'migrate' && event.status === 'failed')
          written = {
            handler: readFileSync(path.join(app, HANDLER), 'utf8'),
            main: readFileSync(path.join(app, 'app/main.py'), 'utf8'),
          };
      },
    });
    expect(end.ok).toBe(false);
    const check = steps.find((s) => s.step === 'check' && s.status === 'done');
    expect(check?.diagnostics?.some((d) => d.file === HANDLER)).toBe(true);
    expect(written).toEqual({
      handler: userCode.files[HANDLER].content,
      main: expect.stringContaining('FastAPI'),
    });
  }, 120_000);
});

describe('preview step messages', () => {
  it('say a full disk is a full disk', async () => {
    const { messageOf } = await import('./manager');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(messageOf(full)).toMatch(/^out of disk space/);
    expect(messageOf(new Error('the app did not start'))).toBe('the app did not start');
  });
});

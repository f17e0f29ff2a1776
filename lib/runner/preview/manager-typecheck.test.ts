/**
 * Try it's check step type-checks the user's own code with mypy (findings as diagnostics, the start goes on) and
 * leaves mypy out when there is none; it runs beside migrate and start, and the preview is ready only once it is
 * done: a check that fails fails the start (real sandbox; skipped without one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { templates } from '@/lib/design';
import type { StepEvent } from './events';
import { PreviewManager } from './manager';
import { sandboxAvailability, skipNote } from './test-support';

/** The check job of this user's starts fails (a crashed worker, say); every other job runs as usual. */
const CHECK_CRASHES = 'check-crashes';
vi.mock('@/lib/jobs/pool', async (importOriginal) => {
  const pool = await importOriginal<typeof import('@/lib/jobs/pool')>();
  const runJob: typeof pool.runJob = (name, input, options) =>
    name === 'check' && options.owner === 'check-crashes'
      ? Promise.reject(new Error('the check job crashed'))
      : pool.runJob(name, input, options);
  return { ...pool, runJob };
});

const available = await sandboxAvailability();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-typecheck-test-'));
const manager = new PreviewManager({
  previewsDir: path.join(dataDir, 'previews'),
  availability: async () => available,
});
afterAll(async () => {
  await manager.stopAll();
  rmSync(dataDir, { recursive: true, force: true });
});

const id = '00000000-0000-4000-8000-0000000c4ec0';
const USER_TEST = 'tests/custom/test_mine.py';

const checkStep = (steps: StepEvent[]) => steps.find((s) => s.step === 'check' && s.status === 'done');

describe.skipIf(!available.ok)(`preview check step${skipNote(available)}`, () => {
  it("runs mypy on the user's own code without blocking the start, and not without any", async () => {
    const steps: StepEvent[] = [];
    const userCode = {
      files: {
        [USER_TEST]: {
          content: 'def test_sum() -> None:\n    total: int = "two"\n    assert total\n',
          base: '',
        },
      },
    };
    const started = await manager.start(id, templates.todo(), {
      userId: 'u1',
      userCode,
      onStep: (e) => steps.push(e),
    });
    expect(started.ok, JSON.stringify(steps)).toBe(true);
    const order = steps.map((s) => `${s.step}:${s.status}`);
    expect(order.indexOf('migrate:running')).toBeLessThan(order.indexOf('check:done'));
    expect(order.indexOf('check:done')).toBeLessThan(order.indexOf('ready:running'));
    const checked = checkStep(steps);
    expect(checked?.message).toMatch(/mypy: 1 finding/);
    expect(checked?.diagnostics).toContainEqual(
      expect.objectContaining({ file: USER_TEST, line: 2, rule: 'mypy', severity: 'error' }),
    );

    const plain: StepEvent[] = [];
    const again = await manager.start(id, templates.todo(), { userId: 'u1', onStep: (e) => plain.push(e) });
    expect(again.ok, JSON.stringify(plain)).toBe(true);
    expect(checkStep(plain)?.message).not.toMatch(/mypy/);
    expect(checkStep(plain)?.diagnostics?.some((d) => d.rule === 'mypy')).toBe(false);
  }, 600_000);

  it('fails the start when the check fails, though the app started beside it', async () => {
    const steps: StepEvent[] = [];
    const end = await manager.start(id, templates.todo(), {
      userId: CHECK_CRASHES,
      onStep: (e) => steps.push(e),
    });
    expect(end).toEqual({ ok: false, error: 'check: the check job crashed' });
    const statuses = Object.fromEntries(
      steps.filter((s) => s.status !== 'running').map((s) => [s.step, s.status]),
    );
    expect(statuses).toEqual({
      validate: 'done',
      generate: 'done',
      check: 'failed',
      migrate: 'done',
      start: 'done',
    });
    expect(await manager.status(id)).toEqual({ state: 'failed', error: 'check: the check job crashed' });
    expect(manager.socketFor(id)).toBeNull();
  }, 120_000);
});

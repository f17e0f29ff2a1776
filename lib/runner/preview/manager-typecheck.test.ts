/**
 * Try it's check step type-checks the user's own code with mypy (findings as diagnostics, the start goes on) and
 * leaves mypy out when there is none (real sandbox; skipped without one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templates } from '@/lib/design';
import type { StepEvent } from './events';
import { PreviewManager } from './manager';
import { sandboxAvailability, skipNote } from './test-support';

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
});

/**
 * The downloaded zip is the project: it passes `unzip -t`, and unzipped it runs as its README says
 * (`pytest`, with the provisioned toolchain's python: `python -m pytest -q`). Skipped locally without a Python
 * toolchain (`npm run python:provision`) or `unzip`; in CI both are provisioned, so a missing one fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { findToolchain } from '@/lib/runner/toolchain';
import { projectEnv, run } from '@/python-tier/process';
import { projectZip } from './zip';

const lookup = await findToolchain();
const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const ready = lookup.ok && hasUnzip;

describe.runIf(!ready && process.env.CI)('exported zip in CI', () => {
  it('has a Python toolchain and unzip', () => {
    expect(lookup.ok ? 'ok' : lookup.reason).toBe('ok');
    expect(hasUnzip).toBe(true);
  });
});

describe.skipIf(!ready)('exported zip of the todo template', () => {
  let root = '';
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('passes unzip -t, unzips, and its pytest suite passes', { timeout: 6 * 60_000 }, async () => {
    if (!lookup.ok) return;
    const zipped = projectZip(templates.todo());
    if (!zipped.ok) throw new Error('todo does not export');
    mkdirSync(lookup.toolchain.workRoot, { recursive: true });
    root = mkdtempSync(path.join(lookup.toolchain.workRoot, 'fastdraft-zip-test-'));
    const file = path.join(root, zipped.name);
    writeFileSync(file, zipped.bytes);

    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    const dir = path.join(root, 'project');
    execFileSync('unzip', ['-q', file, '-d', dir]);
    expect(JSON.parse(readFileSync(path.join(dir, 'design.json'), 'utf8'))).toMatchObject({ name: 'Todo' });
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/^pytest\b/m);

    const command = lookup.toolchain.command(
      'python',
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--color=no'],
      dir,
    );
    const ran = await run(command, projectEnv(), 5 * 60_000);
    expect(ran.code, ran.output.slice(-3000)).toBe(0);
    expect(ran.output).toMatch(/\d+ passed/);
  });
});

import { describe, expect, it } from 'vitest';
import { type Outcome, summaryLines } from './test-summary';

const all: Outcome[] = [
  { tier: 'typecheck', status: 'passed', ms: 31_000 },
  { tier: 'lint', status: 'passed', ms: 2_000 },
  { tier: 'unit', status: 'passed', ms: 95_000 },
  { tier: 'e2e', status: 'passed', ms: 240_000 },
  { tier: 'python', status: 'passed', ms: 600_000 },
];

describe('summaryLines', () => {
  it('lists every tier and ends with the plain count line', () => {
    const lines = summaryLines(all, {});
    expect(lines).toContain('  passed   unit        95.0 s');
    expect(lines.some((l) => l.startsWith('Skipped for lack of'))).toBe(false);
    expect(lines.at(-2)).toMatch(
      /^Nothing skipped for lack of PostgreSQL, bubblewrap or the Python toolchain/,
    );
    expect(lines.at(-1)).toBe('tiers: 5 passed, 0 failed');
  });

  it('names what was skipped for each missing capability, and why', () => {
    const outcomes: Outcome[] = [
      ...all.slice(0, 4),
      { tier: 'python', status: 'skipped', ms: 400, reason: 'no Python toolchain' },
    ];
    const lines = summaryLines(outcomes, {
      postgres: 'TEST_DATABASE_URL is not set',
      bubblewrap: 'bubblewrap (bwrap), the sandbox previews run in',
      python: 'nothing provisioned in .cache/python',
    });
    const text = lines.join('\n');
    expect(text).toContain('Skipped for lack of PostgreSQL (TEST_DATABASE_URL is not set;');
    expect(text).toContain('python: the pytest:postgres, alembic:postgres and fuzz:postgres steps');
    expect(text).toContain('Skipped for lack of the bubblewrap sandbox (bubblewrap (bwrap)');
    expect(text).toContain('e2e: Try it and the preview API (e2e/try-it.spec.ts');
    expect(text).toContain('Skipped for lack of the Python toolchain (nothing provisioned in .cache/python;');
    expect(text).toContain('  skipped  python       0.4 s  (no Python toolchain)');
    expect(text).not.toContain('Nothing skipped');
    expect(lines.at(-1)).toBe('tiers: 4 passed, 0 failed, 1 skipped');
  });

  it('after a failure, marks the rest as not run and leaves out skips of tiers that never ran', () => {
    const outcomes: Outcome[] = [
      { tier: 'typecheck', status: 'passed', ms: 1000 },
      { tier: 'lint', status: 'failed', ms: 1000 },
      { tier: 'unit', status: 'not run' },
      { tier: 'e2e', status: 'not run' },
      { tier: 'python', status: 'not run' },
    ];
    const lines = summaryLines(outcomes, { postgres: 'TEST_DATABASE_URL is not set' });
    expect(lines).toContain('  failed   lint         1.0 s');
    expect(lines).toContain('  not run  e2e         (stopped at the first failing tier)');
    // Neither the unit tier nor the Python tier ran: nothing of theirs was skipped.
    expect(lines.some((l) => l.startsWith('Skipped for lack of'))).toBe(false);
    expect(lines.at(-1)).toBe('tiers: 1 passed, 1 failed');
  });

  it('lists only the skips of the tiers that ran', () => {
    const outcomes: Outcome[] = [
      ...all.slice(0, 3),
      { tier: 'e2e', status: 'failed', ms: 1000 },
      { tier: 'python', status: 'not run' },
    ];
    const text = summaryLines(outcomes, { postgres: 'TEST_DATABASE_URL is not set' }).join('\n');
    expect(text).toContain('unit: the database, API and abuse integration tests run on PGlite only');
    expect(text).not.toContain('python: the pytest:postgres');
  });
});

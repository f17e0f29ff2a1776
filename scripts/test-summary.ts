/**
 * The closing summary of `npm test` (scripts/test.ts): which tiers ran and how they ended, and which tests were
 * skipped because this machine lacks PostgreSQL, bubblewrap or the Python toolchain. Pure: the runner measures.
 */

export const TIERS = ['typecheck', 'lint', 'unit', 'e2e', 'python'] as const;
export type TierName = (typeof TIERS)[number];

/** Why each thing the tests can use is missing here; absent = available. */
export type Missing = { postgres?: string; bubblewrap?: string; python?: string };
export type Capability = keyof Missing;

export type Outcome =
  | { tier: TierName; status: 'passed' | 'failed'; ms: number }
  | { tier: TierName; status: 'skipped'; ms: number; reason: string }
  | { tier: TierName; status: 'not run' };

/** What the tiers skip without each capability (each tier decides for itself; see the files named). */
export const SKIPPED_WITHOUT: Record<Capability, { label: string; fix: string; skipped: string[] }> = {
  postgres: {
    label: 'PostgreSQL',
    fix: 'set TEST_DATABASE_URL to an admin URL (scripts/pg-test-cluster.sh starts a throwaway server)',
    skipped: [
      'unit: the database, API and abuse integration tests run on PGlite only, not also on PostgreSQL (lib/db/testing/databases.ts)',
      'unit: the migration history on PostgreSQL (python-tier/history.test.ts) and the plain-SQL admin test (lib/runner/sql.test.ts)',
      'python: the pytest:postgres, alembic:postgres and fuzz:postgres steps of every design',
    ],
  },
  bubblewrap: {
    label: 'the bubblewrap sandbox',
    fix: 'apt-get install bubblewrap (the sandbox also needs prlimit and user namespaces)',
    skipped: [
      'unit: the preview sandbox, preview runner and plain-SQL tests (lib/runner/preview/*.test.ts, lib/runner/sql.test.ts, lib/api/sql.test.ts)',
      'e2e: Try it and the preview API (e2e/try-it.spec.ts, e2e/preview-api.spec.ts)',
    ],
  },
  python: {
    label: 'the Python toolchain',
    fix: 'npm run python:provision (or FASTDRAFT_PYTHON, FASTDRAFT_PYTHON_CACHE)',
    skipped: [
      'unit: the generated projects run by Python (python-tier/*.test.ts, lib/export/zip.python.test.ts) and every test that needs the sandbox',
      'e2e: Try it and the preview API',
      'python: the whole tier (npm run test:python)',
    ],
  },
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The summary's lines; the last is `tiers: N passed, M failed[, K skipped]`. */
export function summaryLines(outcomes: Outcome[], missing: Missing): string[] {
  const lines = ['', 'npm test summary'];
  for (const outcome of outcomes) {
    const time = outcome.status === 'not run' ? '' : seconds(outcome.ms).padStart(8);
    const note =
      outcome.status === 'skipped'
        ? `  (${outcome.reason})`
        : outcome.status === 'not run'
          ? '  (stopped at the first failing tier)'
          : '';
    lines.push(`  ${outcome.status.padEnd(8)} ${outcome.tier.padEnd(10)}${time}${note}`);
  }
  const ran = new Set(outcomes.filter((o) => o.status !== 'not run').map((o) => o.tier));
  for (const capability of Object.keys(SKIPPED_WITHOUT) as Capability[]) {
    const reason = missing[capability];
    if (!reason) continue;
    const { label, fix, skipped } = SKIPPED_WITHOUT[capability];
    const relevant = skipped.filter((line) => ran.has(line.slice(0, line.indexOf(':')) as TierName));
    if (relevant.length === 0) continue;
    lines.push(`Skipped for lack of ${label} (${reason}; to run them: ${fix}):`);
    for (const line of relevant) lines.push(`  - ${line}`);
  }
  if (!Object.values(missing).some(Boolean))
    lines.push(
      'Nothing skipped for lack of PostgreSQL, bubblewrap or the Python toolchain: all three were here.',
    );
  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
  const skippedTiers = count('skipped');
  lines.push(
    `tiers: ${count('passed')} passed, ${count('failed')} failed${skippedTiers ? `, ${skippedTiers} skipped` : ''}`,
  );
  return lines;
}

/**
 * `npm test`: every tier in order (type-check, lint, unit and integration, end-to-end, Python), stopping at the
 * first that fails, then a summary of what ran and what was skipped for lack of PostgreSQL, bubblewrap or the
 * Python toolchain (scripts/test-summary.ts). Exit code: the failing tier's, else 0.
 * `npm test -- lint unit` runs only the tiers named.
 */
import { spawn } from 'node:child_process';
import { checkAvailability } from '@/lib/runner/preview/availability';
import { defaultCacheDir, findToolchain } from '@/lib/runner/toolchain';
import { type Missing, type Outcome, summaryLines, TIERS, type TierName } from './test-summary';

const COMMANDS: Record<TierName, string> = {
  typecheck: 'npm run typecheck',
  lint: 'npm run lint',
  unit: 'npm run test:unit',
  e2e: 'npm run test:e2e',
  python: 'npm run test:python',
};

/** What this machine lacks, found the way the tiers find it (the preview availability check, the toolchain lookup). */
async function findMissing(): Promise<Missing> {
  const missing: Missing = {};
  if (!process.env.TEST_DATABASE_URL) missing.postgres = 'TEST_DATABASE_URL is not set';
  const [toolchain, sandbox] = await Promise.all([
    findToolchain({ cacheDir: defaultCacheDir() }),
    checkAvailability(),
  ]);
  if (!toolchain.ok) missing.python = toolchain.reason;
  if (!sandbox.ok) {
    const notPython = sandbox.missing.filter((item) => !/python/i.test(item));
    if (notPython.length) missing.bubblewrap = notPython.join('; ');
  }
  return missing;
}

function run(command: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const named = process.argv.slice(2);
const unknown = named.filter((name) => !(TIERS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`unknown tier ${unknown.join(', ')}; tiers: ${TIERS.join(', ')}`);
  process.exit(2);
}
const tiers = named.length ? TIERS.filter((tier) => named.includes(tier)) : TIERS;

const missing = await findMissing();
const outcomes: Outcome[] = [];
let exitCode = 0;
for (const tier of tiers) {
  if (exitCode !== 0) {
    outcomes.push({ tier, status: 'not run' });
    continue;
  }
  console.log(`\n> ${tier}: ${COMMANDS[tier]}`);
  const started = performance.now();
  const code = await run(COMMANDS[tier]);
  const ms = performance.now() - started;
  if (code !== 0) {
    exitCode = code;
    outcomes.push({ tier, status: 'failed', ms });
  } else if (tier === 'python' && missing.python && !process.env.CI) {
    // Outside CI the tier exits 0 after one line when there is no toolchain (python-tier/run.ts).
    outcomes.push({ tier, status: 'skipped', ms, reason: 'no Python toolchain' });
  } else outcomes.push({ tier, status: 'passed', ms });
}
for (const line of summaryLines(outcomes, missing)) console.log(line);
process.exit(exitCode);

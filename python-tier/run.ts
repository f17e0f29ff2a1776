/**
 * `npm run test:python`: generates every tier design into a temp folder and runs the real Python toolchain
 * on it (ruff, compileall, mypy --strict, pytest and Alembic on SQLite and PostgreSQL, uvicorn + OpenAPI).
 *
 *   --design NAME   only designs whose name starts with NAME (repeatable)
 *   --step NAME     only these steps (repeatable), e.g. --step mypy --step pytest:sqlite
 *   --workers N     designs run in parallel (default: PYTHON_TIER_WORKERS or 2)
 *   --keep          keep every generated project (failing ones are always kept)
 *
 * Without a toolchain it prints one line and exits 0, except in CI (CI=true), where that is a failure; so is a
 * missing TEST_DATABASE_URL there. Closes with `python-tier: N passed, M failed, K skipped` (design × step).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateProject, openApiFor } from '@/lib/generator';
import { defaultCacheDir, describeVersions, findToolchain, type Toolchain } from '@/lib/runner/toolchain';
import { type TierDesign, tierDesigns } from './designs';
import { reachable } from './postgres';
import { sqlRoundTripDesigns } from './roundtrip-sql';
import {
  LISTED_ONLY,
  type Project,
  runAllSteps,
  STEP_NAMES,
  type StepName,
  type StepResult,
  writeProject,
} from './steps';

type Options = { designs: string[]; steps: StepName[]; workers: number; keep: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = {
    designs: [],
    steps: [],
    workers: Number(process.env.PYTHON_TIER_WORKERS ?? 2),
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--design') options.designs.push(value());
    else if (arg === '--step') {
      const step = value();
      if (!(STEP_NAMES as readonly string[]).includes(step))
        throw new Error(`unknown step ${step}; steps: ${STEP_NAMES.join(', ')}`);
      options.steps.push(step as StepName);
    } else if (arg === '--workers') options.workers = Math.max(1, Number(value()));
    else if (arg === '--keep') options.keep = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const isCi = () => process.env.CI === 'true' || process.env.CI === '1';

type Prepared = { entry: TierDesign; files?: Record<string, string>; expected?: unknown; problem?: string };

function prepare(entry: TierDesign): Prepared {
  const design = entry.design();
  const generated = generateProject(design, entry.userCode ? { userCode: entry.userCode() } : {});
  if (!generated.ok) {
    const first = generated.problems[0];
    return { entry, problem: `the design does not validate: ${first?.path ?? ''} ${first?.message ?? ''}` };
  }
  const userProblem = generated.userCodeProblems[0];
  if (userProblem) {
    return { entry, problem: `user code: ${userProblem.path}:${userProblem.line}: ${userProblem.message}` };
  }
  return { entry, files: generated.files, expected: openApiFor(design) };
}

function formatResult(r: StepResult): string[] {
  const status = r.skipped ? 'skip' : r.ok ? 'ok  ' : 'FAIL';
  const detail = r.skipped ? `(${r.skipped})` : (r.note ?? '');
  const lines = [
    `  ${status} ${r.design.padEnd(22)} ${r.step.padEnd(17)} ${seconds(r.ms).padStart(6)}  ${detail}`,
  ];
  for (const f of r.failures) lines.push(`         ${f.file}:${f.line}: ${f.message}`);
  return lines;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const lookup = await findToolchain({ cacheDir: defaultCacheDir() });
  if (!lookup.ok) {
    if (isCi()) {
      console.error(`python-tier: no Python toolchain in CI: ${lookup.reason}`);
      return 1;
    }
    console.log(`python-tier: skipped (no Python toolchain: ${lookup.reason})`);
    return 0;
  }
  const toolchain: Toolchain = lookup.toolchain;
  console.log(`python-tier: ${toolchain.description}: ${describeVersions(toolchain)}`);

  const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
  if (postgresUrl) {
    const problem = await reachable(postgresUrl);
    if (problem) {
      console.error(`python-tier: TEST_DATABASE_URL does not answer: ${problem}`);
      return 1;
    }
  } else if (isCi()) {
    console.error('python-tier: TEST_DATABASE_URL must be set in CI (the PostgreSQL steps must run)');
    return 1;
  } else {
    console.log('python-tier: TEST_DATABASE_URL is not set: the PostgreSQL steps are skipped');
  }

  const all = [...tierDesigns(), ...(await sqlRoundTripDesigns())];
  const chosen = options.designs.length
    ? all.filter((d) => options.designs.some((prefix) => d.name.startsWith(prefix)))
    : all;
  if (chosen.length === 0) {
    console.error(`python-tier: no design matches ${options.designs.join(', ')}`);
    return 1;
  }
  const generateStart = Date.now();
  const prepared = chosen.map(prepare);
  // Biggest first, so the last design to start is a small one.
  prepared.sort((a, b) => Object.keys(b.files ?? {}).length - Object.keys(a.files ?? {}).length);
  console.log(`python-tier: generated ${prepared.length} projects in ${seconds(Date.now() - generateStart)}`);

  mkdirSync(toolchain.workRoot, { recursive: true });
  const root = mkdtempSync(path.join(toolchain.workRoot, 'fastdraft-tier-'));
  const mypyRoot =
    toolchain.kind === 'debian-root'
      ? path.join(toolchain.workRoot, 'fastdraft-mypy')
      : path.join(defaultCacheDir(), 'mypy');
  const only = options.steps.length ? new Set(options.steps) : undefined;
  const results: StepResult[] = [];
  const kept: string[] = [];
  let next = 0;

  const worker = async (index: number) => {
    const mypyCacheDir = path.join(mypyRoot, `w${index}`);
    mkdirSync(mypyCacheDir, { recursive: true });
    while (next < prepared.length) {
      const item = prepared[next++] as Prepared;
      const name = item.entry.name;
      const designStart = Date.now();
      if (!item.files) {
        const failed: StepResult = {
          design: name,
          step: 'generate',
          ok: false,
          failures: [{ file: '?', line: 0, message: item.problem ?? 'not generated' }],
          ms: 0,
        };
        results.push(failed);
        console.log(formatResult(failed).join('\n'));
        continue;
      }
      const dir = path.join(root, name);
      writeProject(dir, item.files);
      const project: Project = { design: name, dir, toolchain, mypyCacheDir, postgresUrl };
      const listed = item.entry.steps ?? STEP_NAMES.filter((s) => !LISTED_ONLY.has(s));
      const designOnly = new Set(listed.filter((s) => !only || only.has(s)));
      const designResults = await runAllSteps(project, item.expected, designOnly);
      results.push(...designResults);
      const failed = designResults.some((r) => !r.ok);
      const lines = [
        `${failed ? 'FAIL' : 'ok  '} ${name} (${Object.keys(item.files).length} files) in ${seconds(Date.now() - designStart)}`,
        ...designResults.flatMap(formatResult),
      ];
      console.log(lines.join('\n'));
      if (failed || options.keep) kept.push(dir);
      else rmSync(dir, { recursive: true, force: true });
    }
  };
  const workers = Math.max(1, Math.min(options.workers, prepared.length));
  await Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
  if (kept.length === 0) rmSync(root, { recursive: true, force: true });

  // Per-step timing: total and slowest design.
  console.log(`\npython-tier: time per step (${workers} workers; total over designs, slowest design)`);
  for (const step of STEP_NAMES) {
    const ofStep = results.filter((r) => r.step === step && !r.skipped);
    if (ofStep.length === 0) continue;
    const total = ofStep.reduce((sum, r) => sum + r.ms, 0);
    const slowest = ofStep.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `  ${step.padEnd(17)} ${seconds(total).padStart(7)}  max ${seconds(slowest.ms)} (${slowest.design})`,
    );
  }
  const failedDesigns = [...new Set(results.filter((r) => !r.ok).map((r) => r.design))];
  if (kept.length) console.log(`python-tier: projects kept in ${root}`);
  if (failedDesigns.length) console.log(`python-tier: failing designs: ${failedDesigns.join(', ')}`);
  const passed = results.filter((r) => r.ok && !r.skipped).length;
  const failed = results.filter((r) => !r.ok).length;
  const skippedCount = results.filter((r) => r.skipped).length;
  console.log(`python-tier: ${prepared.length} designs in ${seconds(Date.now() - started)}`);
  console.log(
    `python-tier: ${passed} passed, ${failed} failed${skippedCount ? `, ${skippedCount} skipped` : ''}`,
  );
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`python-tier: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
});

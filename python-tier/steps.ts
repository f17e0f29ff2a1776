/**
 * The tier's steps: one function per step, each running the real tool on a generated project folder and
 * returning `{design, step, ok, failures: [{file, line, message}]}`. Steps never throw for a project's fault.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Failure,
  MYPY_ARGS,
  PYTEST_ARGS,
  parseAlembicCheck,
  parseCompileall,
  parseMypy,
  parsePytest,
  parseRuffCheck,
  parseRuffFormatDiff,
  parseTraceback,
  pytestCounts,
} from '@/lib/runner/python-output';
import type { Tool, Toolchain } from '@/lib/runner/toolchain';
import { locateClass, locateColumn, locateMigrationColumn, locateOperation, readSources } from './locate';
import { compareOpenApi, describeDifference, type OpenApiDifference, pointerParts } from './openapi-compare';
import { createDatabase, dropDatabase, leftovers } from './postgres';
import { projectEnv, type Ran, run, start, stopGroup } from './process';
import { roundTripOpenApiStep } from './roundtrip-openapi';
import { sqlRoundTripStep } from './roundtrip-sql';

export type Database = 'sqlite' | 'postgres';

export const STEP_NAMES = [
  'ruff-format',
  'ruff-check',
  'compileall',
  'mypy',
  'pytest:sqlite',
  'pytest:postgres',
  'alembic:sqlite',
  'alembic:postgres',
  'openapi',
  'fuzz:sqlite',
  'fuzz:postgres',
  'roundtrip:sql',
  'roundtrip:openapi',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** Steps that run only for the designs that list them (`TierDesign.steps`): the corpus round trips. */
export const LISTED_ONLY: ReadonlySet<StepName> = new Set<StepName>(['roundtrip:sql', 'roundtrip:openapi']);

export type StepResult = {
  design: string;
  /** `generate` only when the design could not be generated (then no other step runs). */
  step: StepName | 'generate';
  ok: boolean;
  /** Why the step did not run (then `ok` is true and there are no failures). */
  skipped?: string;
  failures: Failure[];
  /** A short account of what passed, e.g. "92 passed". */
  note?: string;
  ms: number;
};

export type Project = {
  design: string;
  /** Host folder of the generated project (under `toolchain.workRoot`). */
  dir: string;
  toolchain: Toolchain;
  /** mypy's cache folder (host path, under `toolchain.workRoot` for a chroot toolchain). */
  mypyCacheDir?: string;
  /** Admin URL of a PostgreSQL server (TEST_DATABASE_URL); PostgreSQL steps are skipped without it. */
  postgresUrl?: string;
};

const MINUTE = 60_000;

function tool(
  project: Project,
  name: Tool,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 3 * MINUTE,
) {
  const command = project.toolchain.command(name, args, project.dir);
  return run(command, projectEnv(env), timeoutMs);
}

const inner = (project: Project, hostPath: string) => project.toolchain.inner(hostPath);

function lastLines(text: string, n = 8): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}

/** A failure for a run that went wrong without anything more precise to point at. */
function generic(ran: Ran, what: string, fallback: { file: string; line: number }): Failure {
  const why = ran.timedOut ? 'timed out' : `exit ${ran.code}`;
  return { ...fallback, message: `${what} ${why}: ${lastLines(ran.output)}` };
}

function result(
  project: Project,
  step: StepName,
  started: number,
  failures: Failure[],
  note?: string,
): StepResult {
  return {
    design: project.design,
    step,
    ok: failures.length === 0,
    failures,
    note,
    ms: Date.now() - started,
  };
}

function skipped(project: Project, step: StepName, why: string): StepResult {
  return { design: project.design, step, ok: true, skipped: why, failures: [], ms: 0 };
}

// ── 1. ruff and compileall ───────────────────────────────────────────────────────────────────────────────

const lacksRuff = (project: Project) =>
  project.toolchain.lacks.includes('ruff') ? `no ruff in ${project.toolchain.description}` : null;

export async function ruffFormatStep(project: Project): Promise<StepResult> {
  const noRuff = lacksRuff(project);
  if (noRuff) return skipped(project, 'ruff-format', noRuff);
  const started = Date.now();
  const ran = await tool(project, 'ruff', ['format', '--diff', '--no-cache', '.']);
  if (ran.code === 0) return result(project, 'ruff-format', started, []);
  const failures = parseRuffFormatDiff(ran.output);
  for (const m of ran.output.matchAll(/Failed to parse (\S+?):(\d+):\d+: (.+)/g))
    failures.push({
      file: (m[1] as string).replace(/^\.\//, ''),
      line: Number(m[2]),
      message: m[3] as string,
    });
  return result(
    project,
    'ruff-format',
    started,
    failures.length ? failures : [generic(ran, 'ruff format', { file: '.', line: 0 })],
  );
}

export async function ruffCheckStep(project: Project): Promise<StepResult> {
  const noRuff = lacksRuff(project);
  if (noRuff) return skipped(project, 'ruff-check', noRuff);
  const started = Date.now();
  const ran = await tool(project, 'ruff', ['check', '--no-cache', '--output-format', 'concise', '.']);
  if (ran.code === 0) return result(project, 'ruff-check', started, []);
  const failures = parseRuffCheck(ran.output);
  return result(
    project,
    'ruff-check',
    started,
    failures.length ? failures : [generic(ran, 'ruff check', { file: '.', line: 0 })],
  );
}

export async function compileallStep(project: Project): Promise<StepResult> {
  const started = Date.now();
  const ran = await tool(project, 'python', ['-m', 'compileall', '-q', 'app', 'tests', 'alembic']);
  if (ran.code === 0) return result(project, 'compileall', started, []);
  const failures = parseCompileall(ran.output, project.dir, inner(project, project.dir));
  return result(
    project,
    'compileall',
    started,
    failures.length ? failures : [generic(ran, 'compileall', { file: 'app', line: 0 })],
  );
}

// ── 2. mypy ──────────────────────────────────────────────────────────────────────────────────────────────

/** `mypy --strict` on the app package and the tests (the project's pyproject also sets strict). */
export async function mypyStep(project: Project): Promise<StepResult> {
  const started = Date.now();
  const cache = project.mypyCacheDir
    ? ['--cache-dir', inner(project, project.mypyCacheDir)]
    : ['--cache-dir', inner(project, path.join(project.dir, '.mypy_cache'))];
  const ran = await tool(project, 'mypy', [...MYPY_ARGS, ...cache, 'app', 'tests'], {}, 5 * MINUTE);
  if (ran.code === 0) return result(project, 'mypy', started, [], lastLines(ran.output, 1));
  const failures = parseMypy(ran.output);
  return result(
    project,
    'mypy',
    started,
    failures.length ? failures : [generic(ran, 'mypy', { file: 'app', line: 0 })],
  );
}

// ── databases ────────────────────────────────────────────────────────────────────────────────────────────

/** Runs `fn` with the DATABASE_URL of a fresh database (SQLite file in the project, or a new PostgreSQL db). */
async function withDatabase<T>(
  project: Project,
  database: Database,
  label: string,
  fn: (url: string, postgresName?: string) => Promise<T>,
): Promise<T> {
  if (database === 'sqlite') {
    const file = path.join(project.dir, `.${label}.db`);
    rmSync(file, { force: true });
    try {
      return await fn(`sqlite+aiosqlite:///${inner(project, file)}`);
    } finally {
      rmSync(file, { force: true });
    }
  }
  const admin = project.postgresUrl as string;
  const db = await createDatabase(admin, `${project.design}_${label}`);
  try {
    return await fn(db.url, db.name);
  } finally {
    await dropDatabase(admin, db.name).catch(() => undefined);
  }
}

function noPostgres(project: Project, step: StepName): StepResult | null {
  return project.postgresUrl ? null : skipped(project, step, 'TEST_DATABASE_URL is not set');
}

// ── 3. pytest ────────────────────────────────────────────────────────────────────────────────────────────

/** The generated pytest suite on a fresh database; `paths` narrows it (e.g. one test file). */
export async function pytestStep(
  project: Project,
  database: Database,
  paths: string[] = [],
): Promise<StepResult> {
  const step: StepName = `pytest:${database}`;
  const skip = database === 'postgres' ? noPostgres(project, step) : null;
  if (skip) return skip;
  const started = Date.now();
  try {
    return await withDatabase(project, database, 'pytest', async (url) => {
      // The suite only ever uses TEST_DATABASE_URL; on SQLite its conftest makes a throwaway file.
      const env: Record<string, string> = database === 'postgres' ? { TEST_DATABASE_URL: url } : {};
      const args = [...PYTEST_ARGS, ...paths];
      const ran = await tool(project, 'pytest', args, env, 6 * MINUTE);
      const counts = pytestCounts(ran.output);
      const note = Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      if (ran.code === 0) return result(project, step, started, [], note);
      const failures = parsePytest(ran.output, project.dir, inner(project, project.dir));
      if (ran.code === 5) failures.push({ file: 'tests', line: 0, message: 'pytest collected no tests' });
      return result(
        project,
        step,
        started,
        failures.length ? failures : [generic(ran, 'pytest', { file: 'tests', line: 0 })],
        note,
      );
    });
  } catch (error) {
    return result(project, step, started, [
      { file: '?', line: 0, message: `database set-up failed: ${String(error)}` },
    ]);
  }
}

// ── 4. alembic ───────────────────────────────────────────────────────────────────────────────────────────

const MIGRATION_FALLBACK = { file: 'alembic/versions/0001_initial.py', line: 1 };

/** `alembic upgrade head`, `alembic check`, `alembic downgrade base` on a fresh database. */
export async function alembicStep(project: Project, database: Database): Promise<StepResult> {
  const step: StepName = `alembic:${database}`;
  const skip = database === 'postgres' ? noPostgres(project, step) : null;
  if (skip) return skip;
  const started = Date.now();
  try {
    return await withDatabase(project, database, 'alembic', async (url, postgresName) => {
      const env = { DATABASE_URL: url };
      const upgrade = await tool(project, 'alembic', ['upgrade', 'head'], env);
      if (upgrade.code !== 0) {
        const failures = parseTraceback(upgrade.output, project.dir, inner(project, project.dir), {
          ...MIGRATION_FALLBACK,
          message: 'alembic upgrade head failed',
        });
        return result(project, step, started, failures.map(prefix('upgrade head')));
      }
      const check = await tool(project, 'alembic', ['check'], env);
      if (check.code !== 0) return result(project, step, started, checkFailures(project, check));
      const downgrade = await tool(project, 'alembic', ['downgrade', 'base'], env);
      if (downgrade.code !== 0) {
        const failures = parseTraceback(downgrade.output, project.dir, inner(project, project.dir), {
          ...MIGRATION_FALLBACK,
          message: 'alembic downgrade base failed',
        });
        return result(project, step, started, failures.map(prefix('downgrade base')));
      }
      if (postgresName) {
        const left = await leftovers(project.postgresUrl as string, postgresName);
        if (left.length > 0)
          return result(project, step, started, [
            { ...downgradeLine(project), message: `downgrade base left ${left.join(', ')} behind` },
          ]);
      }
      return result(project, step, started, [], 'upgrade head, check, downgrade base');
    });
  } catch (error) {
    return result(project, step, started, [
      { file: '?', line: 0, message: `database set-up failed: ${String(error)}` },
    ]);
  }
}

/** The `def downgrade` line of the migration. */
function downgradeLine(project: Project): { file: string; line: number } {
  for (const [file, lines] of readSources(project.dir)) {
    const at = file.startsWith('alembic/versions/')
      ? lines.findIndex((l) => l.startsWith('def downgrade('))
      : -1;
    if (at >= 0) return { file, line: at + 1 };
  }
  return MIGRATION_FALLBACK;
}

const prefix = (what: string) => (f: Failure) => ({ ...f, message: `${what}: ${f.message}` });

/** `alembic check` found the models and the migration apart: point at each model column named. */
function checkFailures(project: Project, check: Ran): Failure[] {
  const drifts = parseAlembicCheck(check.output);
  if (drifts.length === 0) {
    return parseTraceback(check.output, project.dir, inner(project, project.dir), {
      ...MIGRATION_FALLBACK,
      message: 'alembic check failed',
    }).map(prefix('check'));
  }
  const sources = readSources(project.dir);
  return drifts.map((d) => {
    const model = d.table ? locateColumn(sources, d.table, d.column) : null;
    const migration = d.table ? locateMigrationColumn(sources, d.table, d.column) : null;
    const where = model ?? migration ?? MIGRATION_FALLBACK;
    const also = model && migration ? ` (migration: ${migration.file}:${migration.line})` : '';
    const what = [d.table, d.column].filter(Boolean).join('.');
    return {
      ...where,
      message: `check: the models and the migration differ: ${d.op}${what ? ` ${what}` : ''}${also}: ${d.text}`,
    };
  });
}

// ── 5. the served OpenAPI document ───────────────────────────────────────────────────────────────────────

function getOverSocket(socketPath: string, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath, path: urlPath, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Boots the app with uvicorn on a Unix socket and returns the JSON of `/openapi.json`. */
export async function fetchServedOpenApi(
  project: Project,
  timeoutMs = 60_000,
): Promise<{ ok: true; document: unknown } | { ok: false; failures: Failure[] }> {
  const socket = path.join(project.dir, '.uvicorn.sock');
  rmSync(socket, { force: true });
  const database = path.join(project.dir, '.openapi.db');
  const command = project.toolchain.command(
    'uvicorn',
    ['app.main:app', '--uds', inner(project, socket), '--log-level', 'warning', '--no-access-log'],
    project.dir,
  );
  const { child, output } = start(
    command,
    // Development: the app needs no SECRET_KEY to serve its OpenAPI document.
    projectEnv({
      DATABASE_URL: `sqlite+aiosqlite:///${inner(project, database)}`,
      ENVIRONMENT: 'development',
    }),
  );
  let exited = false;
  child.on('close', () => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (exited) break;
      if (existsSync(socket)) {
        try {
          const response = await getOverSocket(socket, '/openapi.json');
          if (response.status !== 200) {
            return {
              ok: false,
              failures: parseTraceback(output(), project.dir, inner(project, project.dir), {
                file: 'app/main.py',
                line: 1,
                message: `GET /openapi.json answered ${response.status}: ${response.body.slice(0, 200)}`,
              }),
            };
          }
          return { ok: true, document: JSON.parse(response.body) };
        } catch {
          // not accepting yet
        }
      }
      await sleep(100);
    }
    const why = exited
      ? 'uvicorn exited while booting'
      : `uvicorn did not serve within ${timeoutMs / 1000} s`;
    return {
      ok: false,
      failures: parseTraceback(output(), project.dir, inner(project, project.dir), {
        file: 'app/main.py',
        line: 1,
        message: why,
      }).map((f) => ({ ...f, message: `${why}: ${f.message}` })),
    };
  } finally {
    stopGroup(child);
    rmSync(socket, { force: true });
    rmSync(database, { force: true });
  }
}

/** Where in the project a difference of the OpenAPI documents comes from. */
export function locateDifference(
  sources: ReturnType<typeof readSources>,
  served: unknown,
  expected: unknown,
  d: OpenApiDifference,
): { file: string; line: number } {
  const parts = pointerParts(d.pointer);
  if (parts[0] === 'paths' && parts[1]) {
    const method = parts[2];
    const operationOf = (doc: unknown) => {
      const item = (doc as { paths?: Record<string, Record<string, { operationId?: string }>> }).paths?.[
        parts[1] as string
      ];
      if (!item) return undefined;
      if (method && item[method]?.operationId) return item[method]?.operationId;
      return Object.values(item).find((op) => op?.operationId)?.operationId;
    };
    const operationId = operationOf(served) ?? operationOf(expected);
    const hit = operationId ? locateOperation(sources, operationId) : null;
    if (hit) return hit;
    return { file: 'app/api/main.py', line: 1 };
  }
  if (parts[0] === 'components' && parts[1] === 'schemas' && parts[2]) {
    const field = parts[3] === 'properties' ? parts[4] : undefined;
    const hit = locateClass(sources, parts[2], field);
    if (hit) return hit;
  }
  return { file: 'app/main.py', line: 1 };
}

const MAX_DIFFERENCES = 25;

/** Boots the app and compares its `/openapi.json` with `expected` (`openApiFor(design)`). */
export async function openApiStep(project: Project, expected: unknown): Promise<StepResult> {
  const started = Date.now();
  const served = await fetchServedOpenApi(project);
  if (!served.ok) return result(project, 'openapi', started, served.failures);
  const differences = compareOpenApi(served.document, expected);
  if (differences.length === 0) {
    const paths = Object.keys((served.document as { paths?: object }).paths ?? {}).length;
    return result(project, 'openapi', started, [], `${paths} paths equal`);
  }
  const sources = readSources(project.dir);
  const failures = differences.slice(0, MAX_DIFFERENCES).map((d) => ({
    ...locateDifference(sources, served.document, expected, d),
    message: `served /openapi.json differs from openApiFor: ${describeDifference(d)}`,
  }));
  if (differences.length > MAX_DIFFERENCES)
    failures.push({
      file: 'app/main.py',
      line: 1,
      message: `… and ${differences.length - MAX_DIFFERENCES} more`,
    });
  return result(project, 'openapi', started, failures);
}

// ── 6. bad input ─────────────────────────────────────────────────────────────────────────────────────────

const FUZZ_SCRIPT = fileURLToPath(new URL('./fuzz.py', import.meta.url));

type FuzzReport = {
  requests: number;
  statuses?: Record<string, number>;
  error?: string;
  failures: {
    file: string;
    line: number;
    request: string;
    case: string;
    who: string;
    status: number;
    error: string;
  }[];
};

/**
 * `fuzz.py` against the app in process on a fresh database: malformed and hostile input for every operation
 * of its OpenAPI document, anonymous and signed in. Each response >= 500 (or unhandled exception) is a
 * failure at the project line its traceback left last.
 */
export async function fuzzStep(project: Project, database: Database): Promise<StepResult> {
  const step: StepName = `fuzz:${database}`;
  const skip = database === 'postgres' ? noPostgres(project, step) : null;
  if (skip) return skip;
  const started = Date.now();
  const script = path.join(project.dir, '.tier_fuzz.py');
  const report = path.join(project.dir, `.fuzz-${database}.json`);
  copyFileSync(FUZZ_SCRIPT, script);
  rmSync(report, { force: true });
  try {
    return await withDatabase(project, database, 'fuzz', async (url) => {
      const env = { DATABASE_URL: url, ENVIRONMENT: 'test' };
      const args = [inner(project, script), '--report', inner(project, report)];
      const ran = await tool(project, 'python', args, env, 4 * MINUTE);
      if (!existsSync(report))
        return result(project, step, started, [generic(ran, 'fuzz', { file: 'app/main.py', line: 1 })]);
      const data = JSON.parse(readFileSync(report, 'utf8')) as FuzzReport;
      if (data.error)
        return result(project, step, started, [
          { file: 'app/main.py', line: 1, message: `fuzzing could not start: ${data.error}` },
        ]);
      const failures = data.failures.slice(0, MAX_DIFFERENCES).map((f) => ({
        file: f.file,
        line: f.line,
        message: `${f.status} for ${f.request} (${f.case}, ${f.who}): ${f.error}`,
      }));
      if (data.failures.length > MAX_DIFFERENCES)
        failures.push({
          file: 'app/main.py',
          line: 1,
          message: `… and ${data.failures.length - MAX_DIFFERENCES} more`,
        });
      const statuses = Object.entries(data.statuses ?? {})
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      return result(project, step, started, failures, `${data.requests} requests: ${statuses}`);
    });
  } catch (error) {
    return result(project, step, started, [
      { file: '?', line: 0, message: `database set-up failed: ${String(error)}` },
    ]);
  } finally {
    rmSync(script, { force: true });
    rmSync(report, { force: true });
  }
}

// ── a project on disk ────────────────────────────────────────────────────────────────────────────────────

/** Writes a generated file map into `dir` (created). */
export function writeProject(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Every step in order, for one project. `only` limits them by name. */
export async function runAllSteps(
  project: Project,
  expectedOpenApi: unknown,
  only?: ReadonlySet<StepName>,
  onResult?: (result: StepResult) => void,
): Promise<StepResult[]> {
  const steps: [StepName, () => Promise<StepResult | null>][] = [
    ['ruff-format', () => ruffFormatStep(project)],
    ['ruff-check', () => ruffCheckStep(project)],
    ['compileall', () => compileallStep(project)],
    ['mypy', () => mypyStep(project)],
    ['pytest:sqlite', () => pytestStep(project, 'sqlite')],
    ['pytest:postgres', () => pytestStep(project, 'postgres')],
    ['alembic:sqlite', () => alembicStep(project, 'sqlite')],
    ['alembic:postgres', () => alembicStep(project, 'postgres')],
    ['openapi', () => openApiStep(project, expectedOpenApi)],
    ['fuzz:sqlite', () => fuzzStep(project, 'sqlite')],
    ['fuzz:postgres', () => fuzzStep(project, 'postgres')],
    ['roundtrip:sql', () => sqlRoundTripStep(project)],
    // null for designs that are not from the OpenAPI corpus.
    ['roundtrip:openapi', () => roundTripOpenApiStep(project)],
  ];
  const results: StepResult[] = [];
  for (const [name, fn] of steps) {
    if (only && !only.has(name)) continue;
    const r = await fn();
    if (r === null) continue;
    results.push(r);
    onResult?.(r);
  }
  return results;
}

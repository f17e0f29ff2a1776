/**
 * `mypy --strict` and the project's own pytest suite on a generated project with the user's code, in the preview
 * sandbox (no network, limits, a throwaway folder), for the Code view's "Run checks" and before Try it restarts.
 * The project's tests use a SQLite file of their own (the generated conftest makes it in the project folder).
 */
import 'server-only';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Runtime } from './preview/availability';
import { type RunResult, runToCompletion, writeFiles } from './preview/project';
import { baseEnv, DEFAULT_LIMITS, INNER_ROOT, type Limits, sandboxCommand } from './preview/sandbox';
import { MYPY_ARGS, PYTEST_ARGS, parseMypy, parsePytest, pytestCounts } from './python-output';

export type CheckTool = 'mypy' | 'pytest';
export type ProjectFinding = { tool: CheckTool; file: string; line: number; message: string };
export type ToolOutcome = { tool: CheckTool; ok: boolean; summary: string; findings: ProjectFinding[] };
export type ProjectChecks = { ok: boolean; tools: ToolOutcome[] };

export type ProjectCheckOptions = {
  limits?: Limits;
  timeoutMs?: number;
  tools?: readonly CheckTool[];
  /**
   * A folder kept between runs (one per workspace, outside any project tree): the project is rewritten in its
   * `app/` each time and mypy's cache stays in its `mypy-cache/`, so a second run only rechecks what changed.
   * The caller runs one check at a time per folder. Without it, a throwaway folder (a cold cache).
   */
  workDir?: string;
  /** Stops the running tool (a superseded preview start, a closed request). */
  signal?: AbortSignal;
  /** The kept cache is removed when it grows past this (the next run is cold again). */
  cacheBytes?: number;
};

/** mypy's cache of a generated project and the stubs it reads is ~20 MB (todo); past this bound it is dropped. */
export const MYPY_CACHE_BYTES = 128 * 1024 * 1024;

const INNER_PROJECT = `${INNER_ROOT}/app`;

const lastLine = (r: RunResult) =>
  (r.stdout || r.stderr).trim().split('\n').at(-1)?.slice(0, 300) ?? `exit code ${r.code ?? r.signal}`;

function outcome(tool: CheckTool, ran: RunResult, root: string): ToolOutcome {
  const output = `${ran.stdout}\n${ran.stderr}`;
  if (tool === 'mypy') {
    const findings = parseMypy(output).map((f) => ({ tool, ...f }));
    const ok = ran.code === 0;
    return {
      tool,
      ok,
      summary: lastLine(ran),
      findings: ok || findings.length ? findings : [general(tool, ran)],
    };
  }
  const counts = pytestCounts(output);
  const summary = Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const ok = ran.code === 0;
  const findings = parsePytest(output, path.join(root, 'app'), INNER_PROJECT).map((f) => ({ tool, ...f }));
  return {
    tool,
    ok,
    summary: summary || lastLine(ran),
    findings: ok || findings.length ? findings : [general(tool, ran)],
  };
}

/** A failure the parser could not place (a crash at import, a timeout): the last line says what happened. */
function general(tool: CheckTool, ran: RunResult): ProjectFinding {
  const why = ran.signal ? `stopped (${ran.signal}): it ran out of time or memory` : lastLine(ran);
  return { tool, file: tool === 'mypy' ? 'app' : 'tests', line: 0, message: `${tool} failed: ${why}` };
}

/**
 * Runs the tools one after the other (each is CPU-bound; a small server has few cores) on `files`, a generated
 * project with its user files merged in, written to a temporary folder that is removed afterwards.
 */
export async function checkProject(
  files: Record<string, string>,
  runtime: Runtime,
  options: ProjectCheckOptions = {},
): Promise<ProjectChecks> {
  const kept = options.workDir;
  const root = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'fastdraft-checks-')));
  try {
    // A kept folder: the previous run's project (its SQLite file, pytest's cache) goes, mypy's cache stays.
    await rm(path.join(root, 'app'), { recursive: true, force: true });
    await mkdir(path.join(root, 'app'), { recursive: true });
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    await mkdir(path.join(root, 'mypy-cache'), { recursive: true });
    await writeFiles(path.join(root, 'app'), files);
    const env = baseEnv({ SECRET_KEY: 'project-checks', ENVIRONMENT: 'development' });
    const run = (args: string[]) =>
      runToCompletion(
        sandboxCommand({
          workDir: root,
          readOnlyWork: false,
          readOnly: runtime.readOnly,
          env,
          cwd: 'app',
          limits: options.limits ?? DEFAULT_LIMITS,
          command: [runtime.python, ...args],
        }),
        {
          timeoutMs: options.timeoutMs ?? 180_000,
          maxStdout: 1024 * 1024,
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
    const tools: ToolOutcome[] = [];
    for (const tool of options.tools ?? (['mypy', 'pytest'] as const)) {
      if (options.signal?.aborted) break;
      const ran =
        tool === 'mypy'
          ? await run(['-m', 'mypy', ...MYPY_ARGS, '--cache-dir', `${INNER_ROOT}/mypy-cache`, 'app', 'tests'])
          : await run(['-m', 'pytest', ...PYTEST_ARGS]);
      tools.push(outcome(tool, ran, root));
    }
    return { ok: tools.every((t) => t.ok), tools };
  } finally {
    if (kept) {
      await rm(path.join(root, 'app'), { recursive: true, force: true });
      const cache = path.join(root, 'mypy-cache');
      if ((await folderBytes(cache)) > (options.cacheBytes ?? MYPY_CACHE_BYTES))
        await rm(cache, { recursive: true, force: true });
    } else await rm(root, { recursive: true, force: true });
  }
}

/** Bytes of the regular files under `dir` (symlinks are not followed: the sandbox wrote them). */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    total += (await stat(path.join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

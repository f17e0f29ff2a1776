/**
 * The Python toolchain that runs generated projects: where it is, and how to call its tools.
 *
 * Lookup order: `FASTDRAFT_PYTHON` (an interpreter that already has the packages), the virtualenv that
 * `npm run python:provision` makes in the cache folder, then the Debian root that provisioning falls back to.
 * No `server-only` here: scripts and tests use it as well as the app. Provisioning itself lives in
 * `toolchain-provision.ts`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The commands a generated project's checks need, each run as `python -m <module>` (ruff too). */
export type Tool = 'python' | 'ruff' | 'mypy' | 'pytest' | 'alembic' | 'uvicorn';

/** Import names of what requirements.txt + requirements-dev.txt install; `ruff` is checked as a command. */
export const REQUIRED_MODULES = [
  'fastapi',
  'pydantic',
  'pydantic_settings',
  'email_validator',
  'sqlalchemy',
  'aiosqlite',
  'psycopg',
  'alembic',
  'jwt',
  'argon2',
  'multipart',
  'uvicorn',
  'pytest',
  'httpx',
  'mypy',
] as const;

/** Distributions whose versions are reported. */
const REPORTED = [
  'fastapi',
  'pydantic',
  'sqlalchemy',
  'alembic',
  'pytest',
  'mypy',
  'ruff',
  'uvicorn',
  'psycopg',
];

export type ToolchainKind = 'env' | 'venv' | 'debian-root';

export type Command = { cmd: string; args: string[]; cwd: string };

export type Toolchain = {
  kind: ToolchainKind;
  /** Human description: what and where. */
  description: string;
  /** Host folder under which project folders must live for the toolchain to see them. */
  workRoot: string;
  /** The host command that runs `tool args...` in `cwd` (a host path under `workRoot`). */
  command(tool: Tool, args: string[], cwd: string): Command;
  /** A host path as the toolchain's processes see it. */
  inner(hostPath: string): string;
  python: string;
  versions: Record<string, string>;
  /** Tools this toolchain does without (the Debian root has no ruff: Debian does not package it). */
  lacks: Tool[];
};

export type ToolchainLookup = { ok: true; toolchain: Toolchain } | { ok: false; reason: string };

export const PROVISION_HINT = 'run `npm run python:provision`';

export function defaultCacheDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env.FASTDRAFT_PYTHON_CACHE ?? '.cache/python');
}

export const venvDir = (cacheDir: string) => path.join(cacheDir, 'venv');
export const debianRootDir = (cacheDir: string) => path.join(cacheDir, 'trixie');

const MODULE_OF: Record<Tool, string | null> = {
  python: null,
  ruff: 'ruff',
  mypy: 'mypy',
  pytest: 'pytest',
  alembic: 'alembic',
  uvicorn: 'uvicorn',
};

function interpreterToolchain(kind: 'env' | 'venv', python: string, description: string): Toolchain {
  return {
    kind,
    description,
    python,
    workRoot: os.tmpdir(),
    versions: {},
    lacks: [],
    inner: (p) => p,
    command(tool, args, cwd) {
      const module = MODULE_OF[tool];
      return { cmd: python, args: module ? ['-m', module, ...args] : args, cwd };
    },
  };
}

/** A Debian root made by debootstrap: tools run through `chroot`, projects live under its /tmp. */
function debianRootToolchain(root: string): Toolchain {
  const inner = (p: string) => {
    const rel = path.relative(root, p);
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw new Error(`${p} is outside the Debian root ${root}`);
    return `/${rel}`;
  };
  return {
    kind: 'debian-root',
    description: `Debian trixie root at ${root} (chroot)`,
    python: '/usr/bin/python3',
    workRoot: path.join(root, 'tmp'),
    versions: {},
    lacks: [],
    inner,
    command(tool, args, cwd) {
      // Debian's ruff is a plain command, not a Python module.
      const run =
        tool === 'ruff'
          ? ['ruff', ...args]
          : ['python3', ...(MODULE_OF[tool] ? ['-m', MODULE_OF[tool] as string] : []), ...args];
      return { cmd: 'chroot', args: [root, 'env', `--chdir=${inner(cwd)}`, ...run], cwd: '/' };
    },
  };
}

export function exec(
  cmd: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        env: options.env,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({
          code,
          stdout: String(stdout),
          stderr: String(stderr || (error && !stdout ? error.message : '')),
        });
      },
    );
  });
}

const PROBE = `
import importlib.util, importlib.metadata, json, shutil, sys
mods = ${JSON.stringify(REQUIRED_MODULES)}
missing = [m for m in mods if importlib.util.find_spec(m) is None]
ruff_ok = importlib.util.find_spec("ruff") is not None or (RUFF_COMMAND and shutil.which("ruff") is not None)
if not ruff_ok:
    missing.append("ruff")
versions = {}
for d in ${JSON.stringify(REPORTED)}:
    try:
        versions[d] = importlib.metadata.version(d)
    except Exception:
        pass
print(json.dumps({"python": sys.version.split()[0], "missing": missing, "versions": versions}))
`;

export type Probe = { python: string; missing: string[]; versions: Record<string, string> };

/** Runs the probe with the toolchain's interpreter: which required modules are missing, and versions. */
export async function probe(toolchain: Toolchain): Promise<Probe | { error: string }> {
  const script = PROBE.replace('RUFF_COMMAND', toolchain.kind === 'debian-root' ? 'True' : 'False');
  const { cmd, args } = toolchain.command('python', ['-c', script], toolchain.workRoot);
  const result = await exec(cmd, args, { timeoutMs: 30_000 });
  if (result.code !== 0)
    return { error: (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ') };
  try {
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Probe;
  } catch {
    return { error: `unexpected probe output: ${result.stdout.slice(0, 200)}` };
  }
}

/**
 * Records the probe on the toolchain; null when it is usable, else what it lacks. Debian does not package
 * ruff, so the Debian root is usable without it (the ruff steps then say so).
 */
export function accept(toolchain: Toolchain, found: Probe): string | null {
  const optional = toolchain.kind === 'debian-root' ? ['ruff'] : [];
  const missing = found.missing.filter((m) => !optional.includes(m));
  if (missing.length > 0) return `${toolchain.description} lacks ${missing.join(', ')}`;
  toolchain.versions = { python: found.python, ...found.versions };
  toolchain.lacks = found.missing.filter((m) => optional.includes(m)) as Tool[];
  return null;
}

/** The candidates in lookup order, without checking them. */
export function candidates(
  cacheDir: string,
  env: Partial<Record<string, string>> = process.env,
): Toolchain[] {
  if (env.FASTDRAFT_PYTHON) {
    return [interpreterToolchain('env', env.FASTDRAFT_PYTHON, `FASTDRAFT_PYTHON=${env.FASTDRAFT_PYTHON}`)];
  }
  const out: Toolchain[] = [];
  const venvPython = path.join(venvDir(cacheDir), 'bin', 'python');
  if (existsSync(venvPython))
    out.push(interpreterToolchain('venv', venvPython, `virtualenv ${venvDir(cacheDir)}`));
  const root = debianRootDir(cacheDir);
  if (existsSync(path.join(root, 'usr/bin/python3')) && process.getuid?.() === 0)
    out.push(debianRootToolchain(root));
  return out;
}

/**
 * The first usable toolchain, or why there is none ("missing X, run Y"). `FASTDRAFT_PYTHON`, when set, is
 * the only candidate.
 */
export async function findToolchain(
  options: { cacheDir?: string; env?: Partial<Record<string, string>> } = {},
): Promise<ToolchainLookup> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const env = options.env ?? process.env;
  const list = candidates(cacheDir, env);
  if (list.length === 0)
    return { ok: false, reason: `nothing provisioned in ${cacheDir}: ${PROVISION_HINT}` };
  const reasons: string[] = [];
  for (const toolchain of list) {
    const found = await probe(toolchain);
    if ('error' in found) {
      reasons.push(`${toolchain.description} does not run: ${found.error}`);
    } else {
      const problem = accept(toolchain, found);
      if (problem === null) return { ok: true, toolchain };
      reasons.push(problem);
    }
  }
  const hint = env.FASTDRAFT_PYTHON
    ? 'install requirements-dev.txt of a generated project into it, or unset FASTDRAFT_PYTHON'
    : PROVISION_HINT;
  return { ok: false, reason: `${reasons.join('; ')}: ${hint}` };
}

export function describeVersions(toolchain: Toolchain): string {
  return Object.entries(toolchain.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
}

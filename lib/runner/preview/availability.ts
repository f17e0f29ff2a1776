/**
 * Whether previews can run on this server: a Python toolchain with an interpreter we can sandbox, bubblewrap and
 * prlimit. When not, exactly what is missing and how to enable it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exec, findToolchain, PROVISION_HINT } from '../toolchain';
import { runToCompletion } from './project';
import { baseEnv, DEFAULT_LIMITS, sandboxCommand } from './sandbox';
import { seccompProgram } from './seccomp';

export type Runtime = {
  /** The interpreter, as a host path (the same path inside the sandbox). */
  python: string;
  /** Folders the interpreter needs, bound read-only into the sandbox. */
  readOnly: string[];
  description: string;
};

export type Availability = { ok: true; runtime: Runtime } | { ok: false; missing: string[]; howTo: string };

async function which(command: string): Promise<boolean> {
  const found = await exec('sh', ['-c', `command -v ${command}`], { timeoutMs: 5_000 });
  return found.code === 0 && found.stdout.trim() !== '';
}

const PATHS_SCRIPT =
  'import json, os, sys; print(json.dumps([sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, os.path.dirname(os.path.realpath(sys.executable))] + [p for p in sys.path if p]))';

/** The folders an interpreter reads: its prefixes and `sys.path` (the venv and the Python it was made from). */
async function interpreterPaths(python: string): Promise<string[] | string> {
  const result = await exec(python, ['-I', '-c', PATHS_SCRIPT], { timeoutMs: 15_000, cwd: '/' });
  if (result.code !== 0) return (result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ');
  try {
    const paths = JSON.parse(result.stdout.trim()) as string[];
    return [path.dirname(path.dirname(python)), ...paths];
  } catch {
    return `unexpected output: ${result.stdout.slice(0, 200)}`;
  }
}

/** Runs the interpreter once in the sandbox: proves that bwrap works here (user namespaces) and the binds suffice. */
async function trySandbox(runtime: Runtime): Promise<string | null> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-sandbox-check-'));
  try {
    const command = sandboxCommand({
      workDir: dir,
      readOnly: runtime.readOnly,
      env: baseEnv(),
      limits: DEFAULT_LIMITS,
      command: [runtime.python, '-c', 'import fastapi, uvicorn, alembic, sqlite3'],
    });
    const result = await runToCompletion(command, { timeoutMs: 30_000 });
    if (result.code === 0) return null;
    return (result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function checkAvailability(
  options: { env?: Partial<Record<string, string>> } = {},
): Promise<Availability> {
  const missing: string[] = [];
  const howTo: string[] = [];
  const [bwrap, prlimit, lookup] = await Promise.all([
    which('bwrap'),
    which('prlimit'),
    findToolchain(options.env ? { env: options.env } : {}),
  ]);
  if (!bwrap) {
    missing.push('bubblewrap (bwrap), the sandbox previews run in');
    howTo.push('Install bubblewrap: `apt-get install bubblewrap`.');
  }
  if (!prlimit) {
    missing.push('prlimit (util-linux), which sets the resource limits of previews');
    howTo.push('Install util-linux: `apt-get install util-linux`.');
  }
  if (!seccompProgram()) {
    missing.push(`a seccomp filter for this architecture (${process.arch}; x64 and arm64 have one)`);
    howTo.push('Run the server on x86-64 or arm64.');
  }
  let runtime: Runtime | null = null;
  if (!lookup.ok) {
    missing.push(`a Python toolchain (${lookup.reason})`);
    howTo.push(
      `Provision Python: ${PROVISION_HINT}, or set FASTDRAFT_PYTHON to an interpreter that has the packages.`,
    );
  } else if (lookup.toolchain.kind === 'debian-root') {
    missing.push(
      `a virtualenv Python toolchain (${lookup.toolchain.description} runs through chroot and is not supported for previews)`,
    );
    howTo.push(
      `Provision the virtualenv: ${PROVISION_HINT} with a working pip index, or set FASTDRAFT_PYTHON to an interpreter that has the packages.`,
    );
  } else {
    const python = lookup.toolchain.python;
    const paths = await interpreterPaths(python);
    if (typeof paths === 'string') {
      missing.push(`a working Python interpreter (${python}: ${paths})`);
      howTo.push(`Provision Python: ${PROVISION_HINT}.`);
    } else {
      runtime = { python, readOnly: paths, description: lookup.toolchain.description };
    }
  }
  if (runtime && bwrap && prlimit && missing.length === 0) {
    const failure = await trySandbox(runtime);
    if (failure) {
      missing.push(`a working bubblewrap sandbox (${failure})`);
      howTo.push(
        'Allow unprivileged user namespaces (`sysctl kernel.unprivileged_userns_clone=1`, or on Ubuntu `sysctl kernel.apparmor_restrict_unprivileged_userns=0`), or run the server where bwrap can create namespaces.',
      );
    }
  }
  if (missing.length > 0 || !runtime) return { ok: false, missing, howTo: howTo.join(' ') };
  return { ok: true, runtime };
}

/** "Previews need X and Y: how to" for one-line messages. */
export function unavailableMessage(a: { missing: string[]; howTo: string }): string {
  return `Live preview is unavailable on this server: missing ${a.missing.join('; ')}. ${a.howTo}`;
}

/**
 * The bubblewrap sandbox every preview process runs in: a preview's warm interpreter (`forkserver.ts`, whose
 * children run the migrations, the data copy and uvicorn), the SQL export, the checks.
 *
 * `[sh: join a control group] prlimit <limits> -- bwrap <namespaces> <mounts> --args 3 --seccomp 4 -- python ...`:
 * - own user, pid, network, ipc, uts and cgroup namespaces (no network at all, not even the host's loopback), and
 *   no further user namespaces inside (`--disable-userns`);
 * - a seccomp filter (`seccomp.ts`): mount, namespaces, ptrace, modules, kexec, bpf, perf, keyring, swap, reboot,
 *   userfaultfd, file handles and other ABIs answer EPERM;
 * - an empty root with only /usr (plus the merged-usr symlinks) and the interpreter's own folders, read-only
 *   (the root itself too): no /etc, /home, /root, the repository or the app's data folder;
 * - the preview's folder mounted at `/preview` (writable unless `readOnlyWork`; a quota disk when the manager could
 *   mount one, `disk.ts`), with a size-limited tmpfs on `/preview/tmp`;
 * - `--die-with-parent`, `--new-session`, all capabilities dropped;
 * - the environment (the preview's SECRET_KEY included) is read by bwrap from a pipe (`--args 3`): it is in no
 *   command line under /proc;
 * - resource limits (address space, CPU seconds, processes, open files, file size) set by `prlimit` on bwrap
 *   and inherited by everything inside, and a control group (`cgroup.ts`) with `pids.max` and a memory limit for
 *   the whole tree. RLIMIT_NPROC does not bind root; the group does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { createGroup, type Group, joinCommand, release } from './cgroup';
import { seccompProgram } from './seccomp';

/** Where the preview folder appears inside the sandbox. */
export const INNER_ROOT = '/preview';

export type Limits = {
  /** RLIMIT_AS in bytes. */
  memoryBytes: number;
  /** RLIMIT_CPU in seconds (the whole life of the process tree's members, each). */
  cpuSeconds: number;
  /** RLIMIT_NPROC. */
  processes: number;
  /** RLIMIT_NOFILE. */
  openFiles: number;
  /** RLIMIT_FSIZE in bytes: the largest file the sandbox may write. */
  fileBytes: number;
  /** Size of the tmpfs on /preview/tmp. */
  tmpBytes: number;
  /** Size of a preview's quota disk (its whole folder: code, database, socket). */
  diskBytes: number;
};

export const DEFAULT_LIMITS: Limits = {
  memoryBytes: 1024 * 1024 * 1024,
  cpuSeconds: 600,
  processes: 256,
  openFiles: 256,
  fileBytes: 256 * 1024 * 1024,
  tmpBytes: 64 * 1024 * 1024,
  diskBytes: 256 * 1024 * 1024,
};

const MIB = 1024 * 1024;

/**
 * The limits of previews on this server: the defaults, changed by `PREVIEW_MEMORY_MB`, `PREVIEW_CPU_SECONDS`,
 * `PREVIEW_PROCESSES`, `PREVIEW_OPEN_FILES`, `PREVIEW_FILE_MB`, `PREVIEW_TMP_MB` and `PREVIEW_DISK_MB`.
 */
export function limitsFromEnv(env: Partial<Record<string, string>> = process.env): Limits {
  const int = (name: string, fallback: number, unit = 1) => {
    const n = Number(env[name]);
    return env[name] && Number.isInteger(n) && n > 0 ? n * unit : fallback;
  };
  return {
    memoryBytes: int('PREVIEW_MEMORY_MB', DEFAULT_LIMITS.memoryBytes, MIB),
    cpuSeconds: int('PREVIEW_CPU_SECONDS', DEFAULT_LIMITS.cpuSeconds),
    processes: int('PREVIEW_PROCESSES', DEFAULT_LIMITS.processes),
    openFiles: int('PREVIEW_OPEN_FILES', DEFAULT_LIMITS.openFiles),
    fileBytes: int('PREVIEW_FILE_MB', DEFAULT_LIMITS.fileBytes, MIB),
    tmpBytes: int('PREVIEW_TMP_MB', DEFAULT_LIMITS.tmpBytes, MIB),
    diskBytes: int('PREVIEW_DISK_MB', DEFAULT_LIMITS.diskBytes, MIB),
  };
}

export type SandboxSpec = {
  /** Host folder of the preview: writable inside, at `/preview`. */
  workDir: string;
  /** Bind the work folder read-only (a run that only reads the project, like the SQL export). */
  readOnlyWork?: boolean;
  /** Host paths the interpreter needs (its prefixes); bound read-only at the same paths. */
  readOnly: string[];
  /** Host folder for the socket when the work folder's path is too long for one (bound at `/socket`). */
  socketDir?: string;
  /** The environment inside; nothing else of the host's environment is passed. */
  env: Record<string, string>;
  /** Working folder inside, relative to `/preview`. */
  cwd?: string;
  limits: Limits;
  /** The command inside, e.g. [python, '-m', 'uvicorn', ...]. */
  command: string[];
};

/** Folders that are already visible inside through the `/usr` bind. */
const SYSTEM_BINDS = ['/usr'];

const isUnder = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/** The smallest set of existing folders that covers `paths`, skipping what `/usr` already shows. */
export function coveringFolders(paths: string[]): string[] {
  const candidates = [...new Set(paths.filter((p) => path.isAbsolute(p) && existsSync(p)))]
    .map((p) => path.resolve(p))
    .filter((p) => !SYSTEM_BINDS.some((s) => isUnder(p, s)))
    .sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of candidates) if (!out.some((o) => isUnder(p, o))) out.push(p);
  return out;
}

/** A host command and what it reads on fds 3, 4, ... (the environment, the seccomp filter). */
export type SandboxCommand = { cmd: string; args: string[]; fds: Buffer[]; limits: Limits };

/** The host command (`prlimit` then `bwrap`) that runs `spec.command` in the sandbox; start it with `spawnSandbox`. */
export function sandboxCommand(spec: SandboxSpec): SandboxCommand {
  const { limits } = spec;
  const seccomp = seccompProgram();
  if (!seccomp)
    throw new Error(`no seccomp filter for the ${process.arch} architecture (x64 and arm64 have one)`);
  const prlimit = [
    `--as=${limits.memoryBytes}`,
    `--cpu=${limits.cpuSeconds}`,
    `--nproc=${limits.processes}`,
    `--nofile=${limits.openFiles}`,
    `--fsize=${limits.fileBytes}`,
    '--core=0',
  ];
  const bwrap = [
    '--unshare-all',
    '--unshare-user',
    '--disable-userns',
    '--uid',
    '65534',
    '--gid',
    '65534',
    '--hostname',
    'preview',
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
    '--ro-bind',
    '/usr',
    '/usr',
  ];
  for (const link of ['bin', 'sbin', 'lib', 'lib64', 'lib32']) {
    const host = `/${link}`;
    // (turbopackIgnore: host system paths, not files of this project to trace into the build.)
    if (!existsSync(/*turbopackIgnore: true*/ host)) continue;
    // Merged /usr: /bin -> usr/bin. Otherwise bind the real folder.
    const real = realpathSync(/*turbopackIgnore: true*/ host);
    if (isUnder(real, '/usr')) bwrap.push('--symlink', real.slice(1), host);
    else bwrap.push('--ro-bind', host, host);
  }
  for (const dir of coveringFolders(spec.readOnly)) bwrap.push('--ro-bind', dir, dir);
  bwrap.push(
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    spec.readOnlyWork ? '--ro-bind' : '--bind',
    spec.workDir,
    INNER_ROOT,
  );
  bwrap.push('--size', String(limits.tmpBytes), '--perms', '0700', '--tmpfs', `${INNER_ROOT}/tmp`);
  if (spec.socketDir) bwrap.push('--bind', spec.socketDir, '/socket');
  // bwrap's root is a tmpfs without a size limit: read-only once every mount point is made, so nothing is written
  // outside /preview (its own mounts stay writable: the remount is not recursive).
  bwrap.push('--remount-ro', '/');
  bwrap.push('--chdir', path.posix.join(INNER_ROOT, spec.cwd ?? '.'), '--clearenv');
  // The environment comes through fd 3, NUL-separated, so no value shows in /proc/<pid>/cmdline.
  const env = Object.entries(spec.env).flatMap(([name, value]) => ['--setenv', name, value]);
  const envArgs = Buffer.from(env.map((a) => `${a}\0`).join(''));
  bwrap.push('--args', '3', '--seccomp', '4');
  return {
    cmd: 'prlimit',
    args: [...prlimit, '--', 'bwrap', ...bwrap, '--', ...spec.command],
    fds: [envArgs, seccomp],
    limits,
  };
}

/**
 * Starts a sandbox command: in a fresh control group when this host has them (removed once it has exited), in its
 * own process group (`detached`), with its fds written. stdin is closed (a pipe with `stdin`); stdout and stderr
 * are pipes.
 */
export function spawnSandbox(command: SandboxCommand, options: { stdin?: boolean } = {}): ChildProcess {
  const group = createGroup({ processes: command.limits.processes, memoryBytes: command.limits.memoryBytes });
  const { cmd, args } = group ? joinCommand(group, command) : command;
  const child = spawn(cmd, args, {
    env: hostEnv(),
    detached: true,
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe', ...command.fds.map(() => 'pipe' as const)],
  });
  command.fds.forEach((data, i) => {
    const pipe = child.stdio[3 + i] as Writable | null;
    // The sandbox may be gone before reading (a failed start): nothing to do then.
    pipe?.on('error', () => undefined);
    pipe?.end(data);
  });
  if (group) {
    groups.set(child, group);
    child.once('close', () => void release(group));
  }
  return child;
}

const groups = new WeakMap<ChildProcess, Group>();

/** SIGKILL to the process group: prlimit/bwrap outside; `--die-with-parent` and the pid namespace take the rest. */
export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** The control group a sandbox runs in (none where control groups are unavailable). */
export const groupOf = (child: ChildProcess): Group | undefined => groups.get(child);

/** The environment every sandboxed Python process gets, plus `extra`. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: INNER_ROOT,
    TMPDIR: `${INNER_ROOT}/tmp`,
    LANG: 'C.UTF-8',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    // Fewer malloc arenas: threads otherwise reserve 64 MiB of address space each (RLIMIT_AS).
    MALLOC_ARENA_MAX: '2',
    ...extra,
  };
}

/** The environment of the host-side `prlimit`/`bwrap` processes: only what finds them. */
export function hostEnv(): NodeJS.ProcessEnv {
  const PATH = process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  return { PATH } as unknown as NodeJS.ProcessEnv;
}

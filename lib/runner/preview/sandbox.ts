/**
 * The bubblewrap sandbox every preview process runs in (migrations, the data copy, uvicorn).
 *
 * `prlimit <limits> -- bwrap <namespaces> <mounts> --clearenv <env> -- python ...`:
 * - own user, pid, network, ipc, uts and cgroup namespaces (no network at all, not even the host's loopback);
 * - an empty root with only /usr (plus the merged-usr symlinks) and the interpreter's own folders, read-only:
 *   no /etc, /home, /root, the repository or the app's data folder;
 * - the preview's folder, writable, mounted at `/preview` (the only writable path);
 * - `--die-with-parent`, `--new-session`, all capabilities dropped;
 * - resource limits (address space, CPU seconds, processes, open files, file size) set by `prlimit` on bwrap
 *   and inherited by everything inside. RLIMIT_NPROC counts per real user and does not bind root: when the
 *   app server runs as root the process limit is not enforced (memory and CPU still are).
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

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
};

export const DEFAULT_LIMITS: Limits = {
  memoryBytes: 1024 * 1024 * 1024,
  cpuSeconds: 600,
  processes: 256,
  openFiles: 256,
  fileBytes: 256 * 1024 * 1024,
};

export type SandboxSpec = {
  /** Host folder of the preview: writable inside, at `/preview`. */
  workDir: string;
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

/** The host command (`prlimit` then `bwrap`) that runs `spec.command` in the sandbox. */
export function sandboxCommand(spec: SandboxSpec): { cmd: string; args: string[] } {
  const { limits } = spec;
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
  bwrap.push('--proc', '/proc', '--dev', '/dev', '--bind', spec.workDir, INNER_ROOT);
  if (spec.socketDir) bwrap.push('--bind', spec.socketDir, '/socket');
  bwrap.push('--chdir', path.posix.join(INNER_ROOT, spec.cwd ?? '.'), '--clearenv');
  for (const [name, value] of Object.entries(spec.env)) bwrap.push('--setenv', name, value);
  return { cmd: 'prlimit', args: [...prlimit, '--', 'bwrap', ...bwrap, '--', ...spec.command] };
}

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

/**
 * One preview's folder and the sandboxed commands run in it:
 *
 * ```
 * <FASTDRAFT_DATA_DIR>/previews/<workspaceId>.img  the quota disk (as root, `disk.ts`), loop-mounted while in
 *                                                  use on <tmp>/fastdraft-preview-disks/<pid>-<hash>/, which is then
 *                                                  the folder below
 * <FASTDRAFT_DATA_DIR>/previews/<workspaceId>/   (mounted at /preview in the sandbox, its only writable path)
 *   app/         the generated project, rewritten on every start
 *   data/app.db  the preview database; data/next.db while a new one is built
 *   tmp/         TMPDIR (a size-limited tmpfs inside the sandbox; empty on the host)
 *   app.sock     uvicorn's Unix socket (under /tmp/fastdraft-preview-sockets/ when the path is too long)
 * ```
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Runtime } from './availability';
import { type CarrySchema, copyPlan, parseCarrySchema } from './carry-plan';
import { COPY_DATA_SCRIPT } from './copy-data';
import { mountPointFor, unmountQuotaDisk, unmountQuotaDiskNow } from './disk';
import type { DataReport, TableReset } from './events';
import type { ForkChild, ForkCommand, Forkserver } from './forkserver';
import { baseEnv, INNER_ROOT, killGroup, type Limits, type SandboxCommand, spawnSandbox } from './sandbox';

export { killGroup };

/** Longest Unix socket path we use (the kernel's limit is 107 bytes). */
const MAX_SOCKET_PATH = 100;

export type PreviewPaths = {
  /** The folder mounted at /preview. */
  root: string;
  /** `<previewsDir>/<id>`: the folder without a quota disk (with one, what is left of the time before). */
  legacy: string;
  /** The quota disk's image, mounted on `root` when `quotaDisk`. */
  disk: string;
  quotaDisk: boolean;
  app: string;
  data: string;
  db: string;
  nextDb: string;
  /** Host path of the socket. */
  socket: string;
  /** Host folder bound at /socket when the socket cannot live in `root`. */
  socketDir?: string;
  /** The socket as uvicorn sees it. */
  innerSocket: string;
};

/**
 * The paths of a workspace's preview. With `quotaDisk`, its folder is the mount point of its quota disk (the image
 * next to where the folder would be, `legacy`); otherwise that folder itself.
 */
export function previewPaths(previewsDir: string, workspaceId: string, quotaDisk = false): PreviewPaths {
  const legacy = path.resolve(previewsDir, workspaceId);
  const root = quotaDisk ? mountPointFor(legacy) : legacy;
  const data = path.join(root, 'data');
  const inRoot = path.join(root, 'app.sock');
  const paths = {
    root,
    legacy,
    disk: `${legacy}.img`,
    quotaDisk,
    app: path.join(root, 'app'),
    data,
    db: path.join(data, 'app.db'),
    nextDb: path.join(data, 'next.db'),
  };
  if (inRoot.length <= MAX_SOCKET_PATH)
    return { ...paths, socket: inRoot, innerSocket: `${INNER_ROOT}/app.sock` };
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 16);
  const socketDir = path.join(os.tmpdir(), 'fastdraft-preview-sockets', hash);
  return { ...paths, socket: path.join(socketDir, 'app.sock'), socketDir, innerSocket: '/socket/app.sock' };
}

/**
 * The preview app's secret key, stored beside its database: the same while the data is kept, so tokens the
 * app issued stay valid across restarts; a new one when `renew` (the data was reset or the database is new).
 */
export function secretKeyOf(paths: PreviewPaths, renew: boolean): string {
  const file = path.join(paths.data, 'secret.key');
  mkdirSync(paths.data, { recursive: true });
  if (!renew) {
    // In the preview's folder, which its app may write: taken only in the shape written here.
    const stored = readIfExists(file)?.trim() ?? '';
    if (/^[A-Za-z0-9_-]{43}$/.test(stored)) return stored;
  }
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

const innerDb = (file: 'app.db' | 'next.db') => `sqlite+aiosqlite:///${INNER_ROOT}/data/${file}`;

/** Writes a generated project's files under `dir` (which must exist); a path leaving it is refused. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, contents] of Object.entries(files)) {
    const target = path.resolve(dir, file);
    if (!target.startsWith(`${dir}${path.sep}`))
      throw new Error(`refusing to write ${file} outside the project`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
}

/** Writes the generated files into `app/` (replacing the previous code) and makes the other folders. */
export async function writeProject(
  paths: PreviewPaths,
  files: Record<string, string>,
  options: { resetData?: boolean } = {},
): Promise<void> {
  // A reset empties the whole folder, whatever the app wrote in it (a disk its code filled is usable again).
  if (options.resetData && existsSync(paths.root))
    for (const name of readdirSync(paths.root))
      if (name !== 'lost+found') await rm(path.join(paths.root, name), { recursive: true, force: true });
  await rm(paths.app, { recursive: true, force: true });
  await mkdir(paths.app, { recursive: true });
  await mkdir(paths.data, { recursive: true });
  await mkdir(path.join(paths.root, 'tmp'), { recursive: true });
  if (paths.socketDir) await mkdir(paths.socketDir, { recursive: true });
  await writeFiles(paths.app, files);
}

/** A preview's sandbox (its warm interpreter, `forkserver.ts`) and what its commands need. */
export type SandboxContext = {
  runtime: Runtime;
  paths: PreviewPaths;
  limits: Limits;
  secretKey: string;
  forkserver: Forkserver;
};

/** The environment of the preview app's processes (the sandbox starts with the `app.db` one). */
export function appEnv(secretKey: string, db: 'app.db' | 'next.db' = 'app.db'): Record<string, string> {
  return baseEnv({ DATABASE_URL: innerDb(db), SECRET_KEY: secretKey, ENVIRONMENT: 'development' });
}

/** `python -m module ...` or `python [-I] -c code ...` as a forkserver command. */
function forkCommand(args: string[]): ForkCommand {
  const isolated = args[0] === '-I';
  const rest = isolated ? args.slice(1) : args;
  const [flag, target, ...more] = rest;
  if (flag === '-m' && target) return { module: target, args: more };
  if (flag === '-c' && target !== undefined) return { code: target, args: more, isolated };
  throw new Error(`unsupported interpreter arguments: ${args.slice(0, 2).join(' ')}`);
}

export class Aborted extends Error {}

export type RunOptions = {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Characters of stdout kept (the last ones); 64 KiB unless asked. */
  maxStdout?: number;
};

export type RunResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

/**
 * Runs a command in the preview's sandbox to completion (a child of its forkserver, in `/preview/app`, with
 * exactly `env`); on `signal` or after `timeoutMs` every process of the sandbox but the forkserver is killed.
 */
export function runSandboxed(
  ctx: SandboxContext,
  env: Record<string, string>,
  args: string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const maxStdout = options.maxStdout ?? 64 * 1024;
  const child = ctx.forkserver.run(forkCommand(args), env);
  let stdout = '';
  let stderr = '';
  child.onOutput((fd, text) => {
    if (fd === 1) stdout = (stdout + text).slice(-maxStdout);
    else stderr = (stderr + text).slice(-64 * 1024);
  });
  let killed = false;
  const kill = () => {
    if (killed || child.hasExited()) return;
    killed = true;
    void ctx.forkserver.killAll();
  };
  const timer = setTimeout(kill, options.timeoutMs ?? 60_000);
  options.signal?.addEventListener('abort', kill, { once: true });
  if (options.signal?.aborted) kill();
  return child.done.then(({ code, signal }) => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', kill);
    if (options.signal?.aborted) throw new Aborted('aborted');
    return { code, signal, stdout, stderr };
  });
}

/**
 * Runs a `sandboxCommand` in its own process group to completion; the group is killed on `signal` or after
 * `timeoutMs`.
 */
export function runToCompletion(command: SandboxCommand, options: RunOptions = {}): Promise<RunResult> {
  const maxStdout = options.maxStdout ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawnSandbox(command);
    if (!child.stdout || !child.stderr) throw new Error('sandbox without output pipes');
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character split across chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-maxStdout);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-64 * 1024);
    });
    const kill = () => killGroup(child);
    const timer = setTimeout(kill, options.timeoutMs ?? 60_000);
    options.signal?.addEventListener('abort', kill, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', kill);
      if (options.signal?.aborted) reject(new Aborted('aborted'));
      else resolve({ code, signal, stdout, stderr });
    });
  });
}

const lastLines = (text: string, n = 6) => text.trim().split('\n').slice(-n).join('\n');

/** A generated project's Alembic revisions (`alembic/versions/*.py`), in chain order (their names are numbered). */
export type Revisions = [file: string, contents: string][];

export function revisionsOf(files: Record<string, string>): Revisions {
  return Object.entries(files)
    .filter(([file]) => file.startsWith('alembic/versions/') && file.endsWith('.py'))
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The `revision = "..."` id of a revision file. */
export function revisionId(contents: string): string | null {
  return /^revision(?::\s*str)?\s*=\s*["']([^"']+)["']/m.exec(contents)?.[1] ?? null;
}

/**
 * Whether two revision files take a database to the same place. Later revision ids end with a hash of the previous
 * id and the schema they lead to, so the same id is the same schema (a pending revision keeps its id once
 * committed, only its file changes); an id without that hash (`0001`, whose contents follow a design without
 * history) must match byte for byte.
 */
function sameRevision(a: [string, string], b: [string, string]): boolean {
  const id = revisionId(a[1]);
  if (id === null || id !== revisionId(b[1])) return false;
  return /^\d+_[0-9a-f]{8,}$/.test(id) || a[1] === b[1];
}

/** How many leading revisions two chains share. */
export function sharedRevisions(a: Revisions, b: Revisions): number {
  let n = 0;
  while (n < a.length && n < b.length && sameRevision(a[n] as [string, string], b[n] as [string, string]))
    n++;
  return n;
}

const builtWith = (paths: PreviewPaths) => path.join(paths.data, 'revisions.json');

function readBuiltWith(paths: PreviewPaths): Revisions | null {
  const text = readIfExists(builtWith(paths));
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Revisions;
    // Written by us, but in the preview's folder: only revision files are taken from it.
    return parsed.filter(
      (r) =>
        Array.isArray(r) && /^alembic\/versions\/[\w.-]+\.py$/.test(String(r[0])) && typeof r[1] === 'string',
    );
  } catch {
    return null;
  }
}

/** Replaces the project's `alembic/versions/` with `revisions`. */
async function writeRevisions(paths: PreviewPaths, revisions: Revisions): Promise<void> {
  await rm(path.join(paths.app, 'alembic', 'versions'), { recursive: true, force: true });
  await mkdir(path.join(paths.app, 'alembic', 'versions'), { recursive: true });
  await writeFiles(paths.app, Object.fromEntries(revisions));
}

type MigrateOptions = {
  resetData: boolean;
  signal?: AbortSignal;
  files: Record<string, string>;
  /** The new design's tables and columns by key: the copy follows renames and fills required columns. */
  schema: CarrySchema;
};

/** What `migrate` did: the step message and what happened to the rows. */
export type Migrated = { message: string; data: DataReport };

/**
 * Migrates a copy of the current database along the revision chain, as a real deployment would: back to the
 * last revision the old and new chains share (with the old revisions' downgrades), then `alembic upgrade head`.
 * Renames keep their data this way. Null when there is nothing to share (no history yet, or another chain), or
 * when a step fails (the caller then rebuilds and copies); else the step message.
 */
async function migrateInPlace(ctx: SandboxContext, options: MigrateOptions): Promise<string | null> {
  const { paths } = ctx;
  const old = readBuiltWith(paths);
  const next = revisionsOf(options.files);
  if (!old || old.length === 0 || !existsSync(paths.db)) return null;
  const shared = sharedRevisions(old, next);
  if (shared === 0) return null;
  const run = (args: string[]) =>
    runSandboxed(ctx, appEnv(ctx.secretKey, 'next.db'), ['-m', 'alembic', ...args], {
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: 60_000,
    });
  // The old app is stopped; a journal it left (killed mid-transaction) goes along, so SQLite rolls it back.
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(`${paths.nextDb}${suffix}`, { force: true });
    if (existsSync(`${paths.db}${suffix}`)) copyFileSync(`${paths.db}${suffix}`, `${paths.nextDb}${suffix}`);
  }
  const target = revisionId(old[shared - 1]?.[1] ?? '');
  const oldHead = revisionId(old.at(-1)?.[1] ?? '');
  if (shared < old.length) {
    // The old revisions know how to undo themselves; the app code around them is the new one (they only use op).
    await writeRevisions(paths, old);
    const down = target ? await run(['downgrade', target]) : null;
    await writeRevisions(paths, next);
    if (down?.code !== 0) return null;
  }
  const up = await run(['upgrade', 'head']);
  if (up.code !== 0) return null;
  const newHead = revisionId(next.at(-1)?.[1] ?? '');
  if (shared === old.length && shared === next.length)
    return `data kept (revisions unchanged, at ${newHead})`;
  const steps =
    shared < old.length ? `down to ${target}, then up to ${newHead}` : `from ${oldHead} up to ${newHead}`;
  return `data kept: the database was migrated by the revisions (${steps})`;
}

/**
 * Makes `data/next.db` the preview's database. With the same migrations as before, the database is kept as it is.
 * When the old and new revision chains share their first revisions (the workspace has committed versions), a copy
 * of the database is migrated along the chain (`migrateInPlace`). Otherwise, or when that fails, `alembic upgrade
 * head` builds a new database and the rows of the current one are copied into it unless `resetData`. Returns what
 * happened to the data, for the step message.
 */
export async function migrate(ctx: SandboxContext, options: MigrateOptions): Promise<Migrated> {
  const { paths } = ctx;
  // Same migrations as the database was built with: it is already right.
  const schema = schemaHash(options.files);
  const schemaFile = path.join(paths.data, 'schema.sha256');
  if (!options.resetData && existsSync(paths.db) && readIfExists(schemaFile) === schema) {
    writeFileSync(carriedWith(paths), JSON.stringify(options.schema));
    return { message: 'data kept (same schema)', data: { outcome: 'kept' } };
  }
  rmSync(schemaFile, { force: true });
  const inPlace = options.resetData ? null : await migrateInPlace(ctx, options);
  rmSync(builtWith(paths), { force: true });
  const result: Migrated = inPlace
    ? { message: inPlace, data: { outcome: 'kept' } }
    : await rebuild(ctx, options);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${paths.db}${suffix}`, { force: true });
  renameSync(paths.nextDb, paths.db);
  writeFileSync(schemaFile, schema);
  writeFileSync(builtWith(paths), JSON.stringify(revisionsOf(options.files)));
  writeFileSync(carriedWith(paths), JSON.stringify(options.schema));
  return result;
}

/** The tables and columns (by key) of the design the database was last built or copied for. */
const carriedWith = (paths: PreviewPaths) => path.join(paths.data, 'carry-schema.json');

const rowCount = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

/** The step message of a copy that reset some tables. */
function resetMessage(rows: number, tables: number, resets: TableReset[]): string {
  const lost = resets.map((r) => `${r.table} (${rowCount(r.rows)}): ${r.reason}`).join('; ');
  if (rows === 0) return `data reset: ${lost}`;
  return `data partly kept: ${rowCount(rows)} in ${tables} table(s); reset ${lost}`;
}

/** Builds `data/next.db` from scratch with `alembic upgrade head` and copies the current rows into it. */
async function rebuild(ctx: SandboxContext, options: MigrateOptions): Promise<Migrated> {
  const { paths } = ctx;
  rmSync(paths.nextDb, { force: true });
  const upgrade = await runSandboxed(
    ctx,
    appEnv(ctx.secretKey, 'next.db'),
    ['-m', 'alembic', 'upgrade', 'head'],
    {
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: 60_000,
    },
  );
  if (upgrade.code !== 0)
    throw new Error(`alembic upgrade head failed:\n${lastLines(upgrade.stderr || upgrade.stdout)}`);
  if (options.resetData)
    return {
      message: 'started with an empty database (data reset as asked)',
      data: { outcome: 'reset', asked: true, all: true, tables: [] },
    };
  if (!existsSync(paths.db)) return { message: 'started with an empty database', data: { outcome: 'empty' } };
  const plan = copyPlan(parseCarrySchema(readIfExists(carriedWith(paths))), options.schema);
  writeFileSync(path.join(paths.data, 'copy-plan.json'), JSON.stringify(plan));
  const copy = await runSandboxed(
    ctx,
    baseEnv(),
    [
      '-I',
      '-c',
      COPY_DATA_SCRIPT,
      `${INNER_ROOT}/data/next.db`,
      `${INNER_ROOT}/data/app.db`,
      `${INNER_ROOT}/data/copy-plan.json`,
    ],
    { ...(options.signal ? { signal: options.signal } : {}), timeoutMs: 60_000 },
  );
  rmSync(path.join(paths.data, 'copy-plan.json'), { force: true });
  if (copy.code === 0) {
    const counts = JSON.parse(lastLines(copy.stdout, 1)) as {
      tables: number;
      rows: number;
      resets: TableReset[];
    };
    if (counts.resets.length === 0)
      return {
        message: `data kept: ${counts.rows} row(s) in ${counts.tables} table(s)`,
        data: { outcome: 'kept' },
      };
    return {
      message: resetMessage(counts.rows, counts.tables, counts.resets),
      data: { outcome: 'reset', asked: false, all: counts.rows === 0, tables: counts.resets },
    };
  }
  const reason = lastLines(copy.stderr || copy.stdout, 1) || `exit code ${copy.code ?? copy.signal}`;
  // Start empty: rebuild the new database, since a failed copy rolled back but may have left it locked.
  rmSync(paths.nextDb, { force: true });
  const again = await runSandboxed(
    ctx,
    appEnv(ctx.secretKey, 'next.db'),
    ['-m', 'alembic', 'upgrade', 'head'],
    {
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: 60_000,
    },
  );
  if (again.code !== 0) throw new Error(`alembic upgrade head failed:\n${lastLines(again.stderr)}`);
  const why = `the rows could not be copied to the new schema (${reason})`;
  return {
    message: `data reset because ${why}`,
    data: { outcome: 'reset', asked: false, all: true, tables: [], reason: why },
  };
}

/** The migrations of a generated project, hashed. */
function schemaHash(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const [file, contents] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file.startsWith('alembic/versions/')) hash.update(`${file}\0${contents}\0`);
  }
  return hash.digest('hex');
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Forks uvicorn for the preview's socket, held: it imports the app (the slow part of a start) while the
 * migrations run, and serves once `release`d; the caller then waits with `waitReady`.
 */
export function holdServer(ctx: SandboxContext): ForkChild {
  rmSync(ctx.paths.socket, { force: true });
  if (ctx.paths.socketDir) mkdirSync(ctx.paths.socketDir, { recursive: true });
  return ctx.forkserver.run(
    {
      module: 'uvicorn',
      args: [
        'app.main:app',
        '--uds',
        ctx.paths.innerSocket,
        '--no-server-header',
        '--timeout-graceful-shutdown',
        '2',
      ],
    },
    appEnv(ctx.secretKey, 'app.db'),
    'app',
    { hold: true, preload: ['app.main'], openapi: 'app.main:app' },
  );
}

/** Any HTTP answer on the socket (even a 404) means uvicorn is serving. */
function probeSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ socketPath, path: '/health', method: 'GET', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/** Waits until the server answers on its socket; rejects when it exits first, on abort, or after `timeoutMs`. */
export async function waitReady(
  child: ForkChild,
  socketPath: string,
  options: { timeoutMs: number; signal?: AbortSignal; output: () => string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (options.signal?.aborted) throw new Aborted('aborted');
    if (child.hasExited()) {
      throw new Error(`the app exited while starting:\n${lastLines(options.output(), 12)}`);
    }
    if (existsSync(socketPath) && (await probeSocket(socketPath))) return;
    // Short: a warm start is a few hundred milliseconds, each poll is a stat.
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(
    `the app did not answer within ${options.timeoutMs / 1000} s:\n${lastLines(options.output(), 12)}`,
  );
}

/** Removes a preview's folder, its quota disk and its socket folder. */
export async function removePreviewFolder(paths: PreviewPaths): Promise<void> {
  if (paths.quotaDisk) await unmountQuotaDisk(paths.root);
  removeUnmounted(paths);
}

/** `removePreviewFolder` without awaiting, for `process.on('exit')`. */
export function removePreviewFolderNow(paths: PreviewPaths): void {
  if (paths.quotaDisk) unmountQuotaDiskNow(paths.root);
  removeUnmounted(paths);
}

/** What is left of a preview's folder once its quota disk (if any) is unmounted. */
function removeUnmounted(paths: PreviewPaths): void {
  if (!paths.quotaDisk) rmSync(paths.root, { recursive: true, force: true });
  rmSync(paths.legacy, { recursive: true, force: true });
  rmSync(paths.disk, { force: true });
  if (paths.socketDir) rmSync(paths.socketDir, { recursive: true, force: true });
}

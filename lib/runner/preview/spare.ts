/**
 * A spare sandbox, started ahead of demand so a workspace's first preview does not wait for an interpreter to
 * start and import its libraries (most of a new preview's migrate step, docs/benchmarks.md). It is an ordinary
 * preview folder of its own (`<previews>/.spare-<pid>-<random>`, on a quota disk of its own where the host has
 * them) with a fresh secret key and a forkserver (`forkserver.ts`) in the usual sandbox, bound to that folder.
 *
 * Only a workspace with nothing on disk yet takes it over (`take`): its folder (or disk image) is renamed to the
 * workspace's, which the sandbox's bind mount follows (a mount follows the folder, not its name), so no process
 * has to start again. Nothing ran in it yet, so nothing of anyone else's is in it. One spare at a time; the
 * manager asks for the next once a taken one's start has ended, so the two never compete for the cores.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Runtime } from './availability';
import { isMounted, mountQuotaDisk } from './disk';
import { Forkserver } from './forkserver';
import { processAlive } from './process-alive';
import {
  appEnv,
  type PreviewPaths,
  removePreviewFolder,
  removePreviewFolderNow,
  secretKeyOf,
} from './project';
import type { Limits } from './sandbox';

/** Starts a preview's sandbox on `paths` (its folders made) with `secretKey` in the app's environment. */
export function startPreviewSandbox(
  paths: PreviewPaths,
  runtime: Runtime,
  limits: Limits,
  secretKey: string,
): Forkserver {
  for (const dir of [paths.data, path.join(paths.root, 'tmp'), ...(paths.socketDir ? [paths.socketDir] : [])])
    mkdirSync(dir, { recursive: true });
  return new Forkserver({
    workDir: paths.root,
    readOnly: runtime.readOnly,
    ...(paths.socketDir ? { socketDir: paths.socketDir } : {}),
    python: runtime.python,
    limits,
    // The app's own environment: the sandbox's processes start with it.
    env: appEnv(secretKey),
  });
}

const PREFIX = '.spare-';

/**
 * A spare's folder name: never a workspace id (those are UUIDs), and at least as long as one, so a workspace
 * whose socket fits in its folder also fits in the spare's (`previewPaths` moves a long one under /tmp).
 */
const spareName = () => `${PREFIX}${process.pid}-${randomBytes(16).toString('hex')}`;

/** What a workspace's preview takes over: its paths from now on and the running sandbox. */
export type Taken = { paths: PreviewPaths; sandbox: Forkserver };

type Ready = { paths: PreviewPaths; sandbox: Forkserver };
type Spare = { paths: PreviewPaths; ready: Promise<Ready>; sandbox?: Forkserver };

/** How long after a failed spare the next is tried (a host that cannot make one should not try on every start). */
const RETRY_MS = 60_000;

export class SpareSandbox {
  private current?: Spare;
  private failedAt = 0;

  constructor(
    private readonly options: {
      previewsDir: string;
      limits: Limits;
      pathsOf: (name: string) => PreviewPaths;
    },
  ) {
    sweepStaleSpares(options.previewsDir);
  }

  /** Starts a spare when there is none (and the last attempt did not just fail). */
  fill(runtime: Runtime): void {
    if (this.current || Date.now() - this.failedAt < RETRY_MS) return;
    const paths = this.options.pathsOf(spareName());
    // The sandbox is known as soon as it is spawned, so `closeNow` can end one still importing.
    const spare = { paths } as Spare;
    const ready = (async (): Promise<Ready> => {
      if (paths.quotaDisk) await mountQuotaDisk(paths.root, paths.disk, this.options.limits.diskBytes);
      const sandbox = startPreviewSandbox(paths, runtime, this.options.limits, secretKeyOf(paths, true));
      spare.sandbox = sandbox;
      // A sandbox whose key no app has used yet: `ensureSandbox` keeps it for the database made next.
      sandbox.freshKey = true;
      await sandbox.ready;
      return { paths, sandbox };
    })();
    spare.ready = ready;
    this.current = spare;
    ready.catch((error: unknown) => {
      console.error('[preview] the spare sandbox did not start:', error);
      this.failedAt = Date.now();
      if (this.current === spare) this.current = undefined;
      void removePreviewFolder(paths).catch(() => undefined);
    });
  }

  /**
   * Hands the spare to the preview whose paths would be `target`, when that preview has nothing on disk yet
   * (no folder, no disk image); null otherwise, or when the spare did not start or has gone. The spare is
   * claimed before the first await, so two starts never share one.
   */
  async take(target: PreviewPaths): Promise<Taken | null> {
    const spare = this.current;
    if (!spare) return null;
    const occupied = () => existsSync(target.legacy) || existsSync(target.disk);
    if (occupied() || isMounted(target.root)) return null;
    // A socket that needs a folder of its own outside the spare's would not be bound in its sandbox.
    if (target.socketDir && !spare.paths.socketDir) return null;
    this.current = undefined;
    const ready = await spare.ready.catch(() => null);
    if (!ready) return null;
    // Checked again after the wait: the spare may have died, or the folder been made meanwhile.
    if (!ready.sandbox.alive() || occupied()) {
      await discard(ready);
      return null;
    }
    const { paths } = ready;
    try {
      // On a quota disk the loop device holds the image open: renaming it moves nothing, and the mount point
      // stays the spare's. A plain folder is renamed under the sandbox's bind mount.
      renameSync(paths.quotaDisk ? paths.disk : paths.root, paths.quotaDisk ? target.disk : target.root);
    } catch (error) {
      await discard(ready);
      throw error;
    }
    if (paths.quotaDisk)
      return { paths: { ...paths, legacy: target.legacy, disk: target.disk }, sandbox: ready.sandbox };
    const socket = paths.socketDir
      ? { socket: paths.socket, socketDir: paths.socketDir, innerSocket: paths.innerSocket }
      : {};
    return { paths: { ...target, ...socket }, sandbox: ready.sandbox };
  }

  /** Ends the spare and removes its folder. */
  async close(): Promise<void> {
    const spare = this.current;
    this.current = undefined;
    const ready = await spare?.ready.catch(() => null);
    if (ready) await discard(ready);
  }

  /** Synchronous end, for `process.on('exit')`. */
  closeNow(): void {
    const spare = this.current;
    this.current = undefined;
    spare?.sandbox?.closeNow();
    if (spare) removePreviewFolderNow(spare.paths);
  }
}

async function discard({ paths, sandbox }: Ready): Promise<void> {
  await sandbox.close();
  await removePreviewFolder(paths);
}

/** Removes the spare folders and images that servers which have died left in `previewsDir`. */
function sweepStaleSpares(previewsDir: string): void {
  if (!existsSync(previewsDir)) return;
  for (const name of readdirSync(previewsDir)) {
    const pid = /^\.spare-(\d+)-[0-9a-f]+(\.img(\.partial)?)?$/.exec(name)?.[1];
    if (!pid || processAlive(Number(pid))) continue;
    rmSync(path.join(previewsDir, name), { recursive: true, force: true });
  }
}

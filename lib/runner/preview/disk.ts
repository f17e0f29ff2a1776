/**
 * The disk quota of a preview: an ext4 file system of `bytes` in a sparse image next to its folder
 * (`previews/<id>.img`), loop-mounted (nosuid, nodev, noexec) while the preview is in use. Writing past it fails
 * inside with ENOSPC; the image keeps the data across restarts of the preview and of the server.
 *
 * The mount point is not in the data folder but under `<tmp>/fastdraft-preview-disks/<server pid>-<hash>`: a
 * server killed with its previews running leaves mounts behind, and these must neither keep its data folder from
 * being deleted nor be mistaken for another server's. The next server unmounts those of dead servers
 * (`sweepStaleDisks`).
 *
 * Mounting needs root, loop devices and mkfs.ext4; elsewhere the folder is a plain folder and only RLIMIT_FSIZE
 * (per file) and the sandbox's size-limited /preview/tmp bound what a preview writes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { cp, open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exec } from '../toolchain';
import { processAlive } from './process-alive';
import { hostEnv } from './sandbox';

let support: string | null | undefined;

/** Null when quota disks can be made here, else why not (found once). */
export function quotaDiskSupport(): string | null {
  if (support !== undefined) return support;
  const found = (tool: string) =>
    spawnSync('sh', ['-c', `command -v ${tool}`], { env: hostEnv(), timeout: 5_000 }).status === 0;
  const missing = ['mkfs.ext4', 'mount', 'umount', 'losetup'].find((tool) => !found(tool));
  if (process.getuid?.() !== 0) support = 'the server does not run as root (mounting needs it)';
  else if (!existsSync('/dev/loop-control')) support = 'no loop devices (/dev/loop-control)';
  else support = missing ? `${missing} is not installed` : null;
  return support;
}

const DISKS = () => path.join(os.tmpdir(), 'fastdraft-preview-disks');

/** Where this server mounts the quota disk of the preview whose folder would be `folder`. */
export function mountPointFor(folder: string): string {
  const hash = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 16);
  return path.join(DISKS(), `${process.pid}-${hash}`);
}

const decode = (p: string) =>
  p.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));

/** Whether something is mounted on `dir` (mountinfo escapes spaces and the like as octal). */
export function isMounted(dir: string): boolean {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => decode(line.split(' ')[4] ?? '') === dir);
}

async function run(cmd: string, args: string[]): Promise<string> {
  const result = await exec(cmd, args, { timeoutMs: 60_000, env: hostEnv() });
  if (result.code !== 0)
    throw new Error(
      `${cmd} failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ')}`,
    );
  return result.stdout;
}

/** Unmounts and removes the mount points that servers which have died left behind. */
export function sweepStaleDisks(): void {
  if (quotaDiskSupport() || !existsSync(DISKS())) return;
  for (const name of readdirSync(DISKS())) {
    const owner = /^(\d+)-[0-9a-f]+$/.exec(name)?.[1];
    if (!owner || processAlive(Number(owner))) continue;
    unmountQuotaDiskNow(path.join(DISKS(), name));
  }
}

/** Waits until no loop device holds `image` (a disk just let go is detached a moment later). */
async function waitDetached(image: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await run('losetup', ['-j', image])).trim() === '') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the preview's disk is still in use by another mount");
}

/**
 * Mounts the quota disk `image` (made with `bytes` when missing) on `mountPoint`. A new disk takes over the data of
 * `legacy`, a preview folder from before quotas, which is then removed. Nothing happens when already mounted.
 */
export async function mountQuotaDisk(
  mountPoint: string,
  image: string,
  bytes: number,
  legacy?: string,
): Promise<void> {
  if (isMounted(mountPoint)) return;
  mkdirSync(path.dirname(image), { recursive: true });
  const created = !existsSync(image);
  if (created) {
    const partial = `${image}.partial`;
    const handle = await open(partial, 'w', 0o600);
    try {
      await handle.truncate(bytes);
    } finally {
      await handle.close();
    }
    // No reserved blocks (nobody but the app writes there); a journal, so a killed app leaves a sound file system.
    await run('mkfs.ext4', ['-q', '-F', '-m', '0', '-L', 'fastdraft', partial]);
    renameSync(partial, image);
  } else {
    // Two mounts of one ext4 image would corrupt it.
    await waitDetached(image);
  }
  mkdirSync(mountPoint, { recursive: true, mode: 0o700 });
  await run('mount', ['-o', 'loop,nosuid,nodev,noexec', image, mountPoint]);
  rmSync(path.join(mountPoint, 'lost+found'), { recursive: true, force: true });
  if (legacy && existsSync(legacy)) {
    // Only the data matters (the code is rewritten at every start; a socket cannot be copied).
    if (created && existsSync(path.join(legacy, 'data')))
      await cp(path.join(legacy, 'data'), path.join(mountPoint, 'data'), { recursive: true });
    rmSync(legacy, { recursive: true, force: true });
  }
}

/** Unmounts the quota disk (its data stays in the image) and removes the mount point. */
export async function unmountQuotaDisk(mountPoint: string): Promise<void> {
  if (isMounted(mountPoint)) {
    const result = await exec('umount', [mountPoint], { timeoutMs: 30_000, env: hostEnv() });
    // Busy (a process not yet reaped): detach now, the kernel finishes when it is let go.
    if (result.code !== 0 && isMounted(mountPoint)) await run('umount', ['-l', mountPoint]);
  }
  removeMountPoint(mountPoint);
}

/** For `process.on('exit')` and sweeping: no awaiting there. */
export function unmountQuotaDiskNow(mountPoint: string): void {
  if (isMounted(mountPoint)) spawnSync('umount', ['-l', mountPoint], { env: hostEnv(), timeout: 5_000 });
  removeMountPoint(mountPoint);
}

function removeMountPoint(mountPoint: string): void {
  try {
    if (!isMounted(mountPoint)) rmdirSync(mountPoint);
  } catch {
    // Missing, or not empty (not a mount point of ours): left alone.
  }
}

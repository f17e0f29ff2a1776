/**
 * The disk quota of a preview: its folder is an ext4 file system of `bytes` in a sparse image file next to it
 * (`previews/<id>.img`), loop-mounted (nosuid, nodev, noexec) on the folder while the preview is in use. Writing past
 * it fails inside with ENOSPC; the image keeps the data across restarts of the preview and of the server.
 * Mounting needs root (and loop devices); elsewhere the folder is a plain folder and only RLIMIT_FSIZE (per file)
 * and the sandbox's size-limited /preview/tmp bound what a preview writes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { cp, open } from 'node:fs/promises';
import path from 'node:path';
import { exec } from '../toolchain';
import { hostEnv } from './sandbox';

let support: Promise<string | null> | undefined;

async function which(command: string): Promise<boolean> {
  const found = await exec('sh', ['-c', `command -v ${command}`], { timeoutMs: 5_000, env: hostEnv() });
  return found.code === 0 && found.stdout.trim() !== '';
}

/** Null when quota disks can be made here, else why not (memoised). */
export function quotaDiskSupport(): Promise<string | null> {
  support ??= (async () => {
    if (process.getuid?.() !== 0) return 'the server does not run as root (mounting needs it)';
    if (!existsSync('/dev/loop-control')) return 'no loop devices (/dev/loop-control)';
    for (const tool of ['mkfs.ext4', 'mount', 'umount'])
      if (!(await which(tool))) return `${tool} is not installed`;
    return null;
  })();
  return support;
}

/** Whether something is mounted on `dir` (mountinfo escapes spaces and the like as octal). */
export function isMounted(dir: string): boolean {
  const decode = (p: string) =>
    p.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => decode(line.split(' ')[4] ?? '') === dir);
}

async function run(cmd: string, args: string[]): Promise<void> {
  const result = await exec(cmd, args, { timeoutMs: 60_000, env: hostEnv() });
  if (result.code !== 0)
    throw new Error(
      `${cmd} failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ')}`,
    );
}

/**
 * Mounts the quota disk `image` (made with `bytes` when missing) on `folder`. A folder from before quotas (with
 * files, not mounted) has its data moved onto the new disk. Nothing happens when it is already mounted.
 */
export async function mountQuotaDisk(folder: string, image: string, bytes: number): Promise<void> {
  if (isMounted(folder)) return;
  if (!existsSync(image)) {
    mkdirSync(path.dirname(image), { recursive: true });
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
  }
  const before = existsSync(folder) && readdirSync(folder).length > 0 ? `${folder}.before-quota` : null;
  if (before) {
    rmSync(before, { recursive: true, force: true });
    renameSync(folder, before);
  }
  mkdirSync(folder, { recursive: true });
  await run('mount', ['-o', 'loop,nosuid,nodev,noexec', image, folder]);
  rmSync(path.join(folder, 'lost+found'), { recursive: true, force: true });
  if (before) {
    // Only the data matters (the code is rewritten at every start; a socket cannot be copied).
    if (existsSync(path.join(before, 'data')))
      await cp(path.join(before, 'data'), path.join(folder, 'data'), { recursive: true });
    rmSync(before, { recursive: true, force: true });
  }
}

/** Unmounts the quota disk from `folder` (its data stays in the image). */
export async function unmountQuotaDisk(folder: string): Promise<void> {
  if (!isMounted(folder)) return;
  const result = await exec('umount', [folder], { timeoutMs: 30_000, env: hostEnv() });
  // Busy (a process not yet reaped): detach now, the kernel finishes when it is let go.
  if (result.code !== 0 && isMounted(folder)) await run('umount', ['-l', folder]);
}

/** For `process.on('exit')`: no awaiting there. */
export function unmountQuotaDiskNow(folder: string): void {
  if (isMounted(folder)) spawnSync('umount', ['-l', folder], { env: hostEnv(), timeout: 5_000 });
}

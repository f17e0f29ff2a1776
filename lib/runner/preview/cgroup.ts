/**
 * A control group per sandboxed process tree: `pids.max` (a process limit that binds root too, where RLIMIT_NPROC
 * does not) and a memory limit for the whole tree. cgroup v2 when this process's group may delegate the `pids`
 * controller, else the v1 `pids` (and `memory`) hierarchies; null when neither is writable (an unprivileged server
 * without a delegated group: RLIMIT_NPROC, which binds non-root users, is then the process limit).
 *
 * Groups live under `<our group>/fastdraft-previews/<random>`; the sandbox joins its group before it starts
 * (`joinCommand`), and the group is emptied and removed when the sandbox has exited (`release`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processAlive } from './process-alive';

export type GroupLimits = { processes: number; memoryBytes: number };

type Found = { version: 2; parent: string } | { version: 1; pids: string; memory: string | null };
type Layout = Found | { version: null; reason: string };

const PARENT = 'fastdraft-previews';

type Mount = { root: string; point: string; type: string; options: string[] };

function mounts(): Mount[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [left = '', right = ''] = line.split(' - ');
      const fields = left.split(' ');
      const [type = '', , superOptions = ''] = right.split(' ');
      return { root: fields[3] ?? '/', point: fields[4] ?? '', type, options: superOptions.split(',') };
    });
}

/** Host folder of our own group in a hierarchy mounted at `mount` (whose root may be a sub-group). */
function ownFolder(mount: Mount, groupPath: string): string | null {
  const root = mount.root === '/' ? '' : mount.root;
  if (root && groupPath !== root && !groupPath.startsWith(`${root}/`)) return null;
  return path.join(mount.point, groupPath.slice(root.length));
}

const write = (file: string, value: string) => writeFileSync(file, value);

/** Makes a child group under `parent` with `files` written, and removes it again: proves we may. */
function probe(parent: string, files: string[]): void {
  const dir = path.join(parent, `probe-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir);
  try {
    for (const file of files) write(path.join(dir, file), file === 'pids.max' ? '64' : '1073741824');
  } finally {
    rmdirSync(dir);
  }
}

function detectV2(lines: string[], all: Mount[]): Found | null {
  const own = lines.find((l) => l.startsWith('0::'))?.slice(3);
  const mount = all.find((m) => m.type === 'cgroup2');
  if (own === undefined || !mount) return null;
  const folder = ownFolder(mount, own);
  if (!folder || !readFileSync(path.join(folder, 'cgroup.controllers'), 'utf8').split(/\s+/).includes('pids'))
    return null;
  const parent = path.join(folder, PARENT);
  mkdirSync(parent, { recursive: true });
  // A group with processes of its own may not hand controllers down (except the root): then this fails.
  for (const dir of [folder, parent]) {
    const enabled = readFileSync(path.join(dir, 'cgroup.subtree_control'), 'utf8');
    if (!enabled.includes('pids')) write(path.join(dir, 'cgroup.subtree_control'), '+pids');
    if (!enabled.includes('memory')) {
      try {
        write(path.join(dir, 'cgroup.subtree_control'), '+memory');
      } catch {
        // Memory stays limited per process by RLIMIT_AS.
      }
    }
  }
  probe(parent, ['pids.max']);
  return { version: 2, parent };
}

function detectV1(lines: string[], all: Mount[]): Found | null {
  const folderOf = (controller: string) => {
    const own = lines
      .map((l) => l.split(':'))
      .find(([, names]) => names?.split(',').includes(controller))?.[2];
    const mount = all.find((m) => m.type === 'cgroup' && m.options.includes(controller));
    if (own === undefined || !mount) return null;
    const folder = ownFolder(mount, own);
    if (!folder) return null;
    const parent = path.join(folder, PARENT);
    mkdirSync(parent, { recursive: true });
    probe(parent, [controller === 'pids' ? 'pids.max' : 'memory.limit_in_bytes']);
    return parent;
  };
  const pids = folderOf('pids');
  if (!pids) return null;
  let memory: string | null = null;
  try {
    memory = folderOf('memory');
  } catch {
    memory = null;
  }
  return { version: 1, pids, memory };
}

let layout: Layout | undefined;

/** Removes the groups left by processes that died before they could (their own sandboxes died with them). */
function sweepLeftovers(parents: string[]): void {
  for (const parent of parents) {
    for (const entry of readdirSync(parent, { withFileTypes: true })) {
      const owner = /^(\d+)-[0-9a-f]+$/.exec(entry.name)?.[1];
      if (!entry.isDirectory() || !owner || processAlive(Number(owner))) continue;
      try {
        rmdirSync(path.join(parent, entry.name));
      } catch {
        // Still has tasks: left alone.
      }
    }
  }
}

/** How process trees are limited here, found once. */
export function cgroupLayout(): Layout {
  if (layout) return layout;
  const reasons: string[] = [];
  try {
    const lines = readFileSync('/proc/self/cgroup', 'utf8').split('\n').filter(Boolean);
    const all = mounts();
    for (const detect of [detectV2, detectV1]) {
      try {
        const found = detect(lines, all);
        if (found) {
          layout = found;
          sweepLeftovers(
            found.version === 2 ? [found.parent] : [found.pids, ...(found.memory ? [found.memory] : [])],
          );
          return found;
        }
      } catch (error) {
        reasons.push(error instanceof Error ? error.message : String(error));
      }
    }
  } catch (error) {
    reasons.push(error instanceof Error ? error.message : String(error));
  }
  layout = { version: null, reason: reasons.join('; ') || 'no writable pids controller' };
  return layout;
}

export type Group = { folders: string[]; version: 1 | 2 };

/** A new group with `limits`, or null when control groups are not available here. */
export function createGroup(limits: GroupLimits): Group | null {
  const found = cgroupLayout();
  if (found.version === null) return null;
  // Named after this process, so a later one can tell the leftovers of a dead server from live groups.
  const name = `${process.pid}-${randomBytes(6).toString('hex')}`;
  if (found.version === 2) {
    const dir = path.join(found.parent, name);
    mkdirSync(dir);
    write(path.join(dir, 'pids.max'), String(limits.processes));
    if (existsSync(path.join(dir, 'memory.max'))) {
      write(path.join(dir, 'memory.max'), String(limits.memoryBytes));
      if (existsSync(path.join(dir, 'memory.swap.max'))) write(path.join(dir, 'memory.swap.max'), '0');
    }
    return { folders: [dir], version: 2 };
  }
  const pids = path.join(found.pids, name);
  mkdirSync(pids);
  write(path.join(pids, 'pids.max'), String(limits.processes));
  const folders = [pids];
  if (found.memory) {
    const memory = path.join(found.memory, name);
    mkdirSync(memory);
    write(path.join(memory, 'memory.limit_in_bytes'), String(limits.memoryBytes));
    folders.push(memory);
  }
  return { folders, version: 1 };
}

/**
 * `command` run by a shell that first moves itself into the group's folders, then becomes the command (so every
 * process of the tree is born inside the group). A shell that cannot join exits 125 and nothing runs.
 */
export function joinCommand(group: Group, command: { cmd: string; args: string[] }) {
  const script =
    'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1/cgroup.procs" || exit 125; shift; n=$((n-1)); done; exec "$@"';
  return {
    cmd: 'sh',
    args: [
      '-c',
      script,
      'fastdraft-sandbox',
      String(group.folders.length),
      ...group.folders,
      command.cmd,
      ...command.args,
    ],
  };
}

/** Kills whatever is left in the group and removes it (retrying while the kernel lets the last tasks go). */
export async function release(group: Group): Promise<void> {
  for (const dir of group.folders) {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if (!existsSync(dir)) break;
        if (group.version === 2 && existsSync(path.join(dir, 'cgroup.kill')))
          write(path.join(dir, 'cgroup.kill'), '1');
        else
          for (const pid of readFileSync(path.join(dir, 'cgroup.procs'), 'utf8')
            .split('\n')
            .filter(Boolean)) {
            try {
              process.kill(Number(pid), 'SIGKILL');
            } catch {
              // Already gone.
            }
          }
        rmdirSync(dir);
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
}

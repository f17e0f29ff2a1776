import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cgroupLayout } from './cgroup';
import {
  isMounted,
  mountPointFor,
  mountQuotaDisk,
  quotaDiskSupport,
  sweepStaleDisks,
  unmountQuotaDisk,
} from './disk';
import { runToCompletion } from './project';
import { baseEnv, DEFAULT_LIMITS, groupOf, type Limits, sandboxCommand, spawnSandbox } from './sandbox';
import { sandboxAvailability, skipNote } from './test-support';

const available = await sandboxAvailability();
const cgroups = cgroupLayout();
const diskSupport = quotaDiskSupport();
const MIB = 1024 * 1024;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs a Python snippet with the same sandbox the runner uses, in a fresh folder. */
async function run(
  code: string,
  limits: Partial<Limits> = {},
  args: string[] = [],
  options: { workDir?: string; env?: Record<string, string> } = {},
) {
  if (!available.ok) throw new Error('unavailable');
  const workDir = options.workDir ?? mkdtempSync(path.join(os.tmpdir(), 'fastdraft-sandbox-test-'));
  dirs.push(workDir);
  const command = sandboxCommand({
    workDir,
    readOnly: available.runtime.readOnly,
    env: baseEnv(options.env),
    limits: { ...DEFAULT_LIMITS, ...limits },
    command: [available.runtime.python, '-c', code, ...args],
  });
  const started = Date.now();
  const result = await runToCompletion(command, { timeoutMs: 30_000 });
  return { ...result, workDir, ms: Date.now() - started };
}

describe.skipIf(!available.ok)(`preview sandbox${skipNote(available)}`, () => {
  it("cannot connect to a service on the host's loopback, nor anywhere else", async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const result = await run(
        `
import socket, sys
for host in ("127.0.0.1", "1.1.1.1"):
    try:
        socket.create_connection((host, int(sys.argv[1])), timeout=2)
        print("connected", host)
    except OSError as e:
        print("refused", host, e.errno)
`,
        {},
        [String(port)],
      );
      expect(result.stdout).not.toContain('connected');
      expect(result.stdout).toContain('refused 127.0.0.1');
      expect(result.stdout).toContain('refused 1.1.1.1');
      expect(connections).toBe(0);
      // The same connection from the host works: the test server was reachable.
      await new Promise<void>((resolve, reject) =>
        net.connect(port, '127.0.0.1', resolve).on('error', reject),
      );
    } finally {
      server.close();
    }
  });

  it('writes only in its folder, sees no host files beyond the system and the interpreter', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-sandbox-outside-'));
    dirs.push(outside);
    const result = await run(
      `
import os, sys
def attempt(p):
    try:
        with open(p, "w") as f:
            f.write("x")
        return "wrote"
    except OSError as e:
        return type(e).__name__
print("inside", attempt("/preview/ok.txt"))
print("outside", attempt(sys.argv[1] + "/pwned.txt"))
print("usr", attempt("/usr/pwned.txt"))
print("root", attempt("/pwned.txt"))
print("python", attempt(os.path.join(sys.prefix, "pwned.txt")))
# The venv may live inside the repo (.cache/python), so its parents exist: test the repo's own files.
print("repo", os.path.exists(sys.argv[2] + "/package.json"))
print("etc", os.path.exists("/etc/passwd"))
print("uid", os.getuid(), "pid", os.getpid())
`,
      {},
      [outside, process.cwd()],
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('inside wrote');
    expect(result.stdout).toMatch(/outside (FileNotFoundError|PermissionError|OSError)/);
    expect(result.stdout).toMatch(/usr (PermissionError|OSError)/);
    // bwrap's root is a tmpfs of no size limit: read-only, not a place to write outside the folder.
    expect(result.stdout).toMatch(/root (PermissionError|OSError)/);
    expect(result.stdout).toMatch(/python (PermissionError|OSError)/);
    expect(result.stdout).toContain('repo False');
    expect(result.stdout).toContain('etc False');
    // Own user and pid namespaces: an unprivileged uid, and pid 1 is bwrap's init.
    expect(result.stdout).toMatch(/uid 65534 pid [0-9]\b/);
  });

  it('sees only the variables it is given', async () => {
    process.env.FASTDRAFT_TEST_SECRET = 'do-not-leak';
    try {
      const result = await run('import os, json; print(json.dumps(dict(os.environ)))');
      const seen = JSON.parse(result.stdout) as Record<string, string>;
      // bwrap adds PWD for --chdir.
      expect(Object.keys(seen).sort()).toEqual([...Object.keys(baseEnv()), 'PWD'].sort());
    } finally {
      delete process.env.FASTDRAFT_TEST_SECRET;
    }
  });

  it('fails past its memory limit', async () => {
    const mib = 1024 * 1024;
    const small = await run('b = bytearray(64 * 1024 * 1024); print(len(b))', { memoryBytes: 256 * mib });
    expect(small.code).toBe(0);
    const big = await run('b = bytearray(512 * 1024 * 1024); print(len(b))', { memoryBytes: 256 * mib });
    expect(big.code).not.toBe(0);
    expect(big.stderr).toContain('MemoryError');
  });

  it('is killed past its CPU-time limit', async () => {
    const result = await run('while True: pass', { cpuSeconds: 1 });
    expect(result.code).not.toBe(0);
    expect(result.ms).toBeLessThan(10_000);
  });
});

/** Every host command line, as /proc shows it (arguments joined by spaces). */
function allCommandLines(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

describe.skipIf(!available.ok)(`preview sandbox hardening${skipNote(available)}`, () => {
  it.skipIf(cgroups.version === null)(
    `stops a fork bomb at its process limit, as root too, and leaves nothing behind${cgroups.version === null ? ` (skipped: no writable control group: ${cgroups.reason})` : ''}`,
    async () => {
      if (!available.ok) throw new Error('unavailable');
      const marker = `fork-bomb-${process.pid}-${Date.now()}`;
      const workDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-sandbox-test-'));
      dirs.push(workDir);
      const code = `
import errno, os, sys, time
forked = 0
try:
    while forked < 10000:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        forked += 1
    print("unbounded", forked)
except OSError as e:
    print("stopped", forked, errno.errorcode[e.errno])
`;
      const child = spawnSandbox(
        sandboxCommand({
          workDir,
          readOnly: available.runtime.readOnly,
          env: baseEnv(),
          limits: { ...DEFAULT_LIMITS, processes: 32 },
          command: [available.runtime.python, '-c', code, marker],
        }),
      );
      const group = groupOf(child);
      expect(group?.folders.length).toBeGreaterThan(0);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
      });
      child.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      await new Promise((resolve) => child.once('close', resolve));
      expect(stderr).toBe('');
      const [, forked, errorName] = stdout.trim().split(' ');
      // The group counts the sandbox's own processes (bwrap's init, python) and every thread too.
      expect(errorName).toBe('EAGAIN');
      expect(Number(forked)).toBeLessThan(32);
      expect(Number(forked)).toBeGreaterThan(0);
      // The children died with the sandbox, and its group is gone.
      await expect
        .poll(() => allCommandLines().filter((l) => l.includes(marker)), { timeout: 10_000 })
        .toEqual([]);
      await expect.poll(() => group?.folders.filter((f) => existsSync(f)), { timeout: 10_000 }).toEqual([]);
      // The host still starts processes, and so does the next sandbox.
      expect(execFileSync('sh', ['-c', 'echo fine'], { encoding: 'utf8' }).trim()).toBe('fine');
      expect((await run('print("next")')).stdout.trim()).toBe('next');
    },
  );

  it('refuses a nested user namespace (unshare -U, or unshare(2) itself)', async () => {
    const result = await run(`
import ctypes, os, subprocess
libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWUSER = 0x10000000
rc = libc.unshare(CLONE_NEWUSER)
print("unshare", rc, os.strerror(ctypes.get_errno()))
p = subprocess.run(["unshare", "-U", "true"], capture_output=True, text=True)
print("cli", p.returncode)
print(p.stderr.strip())
`);
    expect(result.stdout).toContain('unshare -1 Operation not permitted');
    expect(result.stdout).toMatch(/cli [1-9]/);
    expect(result.stdout).toMatch(/unshare failed|Operation not permitted|No space left/);
  });

  it('answers EPERM to denied syscalls (mount, ptrace, bpf, keyctl, x32) and keeps threads and processes working', async () => {
    const result = await run(`
import ctypes, os, platform, subprocess, threading
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
def report(name, rc):
    print(name, rc, os.strerror(ctypes.get_errno()) if rc == -1 else "ok")
os.makedirs("/preview/m", exist_ok=True)
report("mount", libc.mount(b"none", b"/preview/m", b"tmpfs", 0, None))
report("ptrace", libc.ptrace(0, 0, None, None))  # PTRACE_TRACEME
x64 = platform.machine() == "x86_64"
report("bpf", libc.syscall(321 if x64 else 280, 0, None, 0))
report("keyctl", libc.syscall(250 if x64 else 219, 0, 0, 0, 0, 0))
report("clone3", libc.syscall(435, None, 0))
if x64:
    report("x32-getpid", libc.syscall(0x40000000 | 39))
report("getpid", libc.syscall(39 if x64 else 172))
t = threading.Thread(target=lambda: print("thread ran"))
t.start(); t.join()
print("child", subprocess.run(["true"]).returncode)
`);
    expect(result.stderr).toBe('');
    for (const name of ['mount', 'ptrace', 'bpf', 'keyctl'])
      expect(result.stdout).toContain(`${name} -1 Operation not permitted`);
    expect(result.stdout).toContain('clone3 -1 Function not implemented');
    if (process.arch === 'x64') expect(result.stdout).toContain('x32-getpid -1 Operation not permitted');
    expect(result.stdout).toMatch(/getpid \d+ ok/);
    expect(result.stdout).toContain('thread ran');
    expect(result.stdout).toContain('child 0');
  });

  it('keeps its secret out of every command line under /proc', async () => {
    if (!available.ok) throw new Error('unavailable');
    const secret = `secret-${process.pid}-${Date.now()}-do-not-show`;
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-sandbox-test-'));
    dirs.push(workDir);
    const child = spawnSandbox(
      sandboxCommand({
        workDir,
        readOnly: available.runtime.readOnly,
        env: baseEnv({ SECRET_KEY: secret }),
        limits: DEFAULT_LIMITS,
        command: [
          available.runtime.python,
          '-c',
          'import os, sys, time; print("has", os.environ["SECRET_KEY"] == sys.argv[1][::-1], flush=True); time.sleep(30)',
          [...secret].reverse().join(''),
        ],
      }),
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.once('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      expect(line.trim()).toBe('has True');
      const lines = allCommandLines();
      expect(lines.some((l) => l.includes('bwrap'))).toBe(true);
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      process.kill(-(child.pid as number), 'SIGKILL');
    }
  });

  it('has a size-limited /preview/tmp', async () => {
    const result = await run(
      `
import errno
try:
    with open("/preview/tmp/big", "wb") as f:
        for _ in range(64):
            f.write(b"x" * (1024 * 1024))
    print("wrote all")
except OSError as e:
    print("stopped", errno.errorcode[e.errno])
`,
      { tmpBytes: 8 * MIB },
    );
    expect(result.stdout.trim()).toBe('stopped ENOSPC');
  });

  it.skipIf(diskSupport !== null)(
    `fails with ENOSPC past its disk quota, keeps its files across mounts, never mounts in the data folder${diskSupport ? ` (skipped: ${diskSupport})` : ''}`,
    async () => {
      const parent = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-quota-test-'));
      dirs.push(parent);
      // A preview folder from before quotas (nothing else exists yet): its data moves onto the new disk.
      const legacy = path.join(parent, 'previews', 'preview');
      const image = `${legacy}.img`;
      const mountPoint = mountPointFor(legacy);
      mkdirSync(path.join(legacy, 'data'), { recursive: true });
      writeFileSync(path.join(legacy, 'data', 'app.db'), 'old rows');
      await mountQuotaDisk(mountPoint, image, 16 * MIB, legacy);
      try {
        expect(readFileSync(path.join(mountPoint, 'data', 'app.db'), 'utf8')).toBe('old rows');
        expect(existsSync(legacy)).toBe(false);
        // A killed server's mounts must not keep anyone from deleting its data folder.
        expect(mountPoint.startsWith(parent)).toBe(false);
        const result = await run(
          `
import errno
with open("/preview/kept.txt", "w") as f:
    f.write("kept")
try:
    with open("/preview/big", "wb") as f:
        for _ in range(64):
            f.write(b"x" * (1024 * 1024))
            f.flush()
    print("wrote all")
except OSError as e:
    print("stopped", errno.errorcode[e.errno])
`,
          {},
          [],
          { workDir: mountPoint },
        );
        expect(result.stdout.trim()).toBe('stopped ENOSPC');
      } finally {
        await unmountQuotaDisk(mountPoint);
      }
      expect(existsSync(mountPoint)).toBe(false);
      await mountQuotaDisk(mountPoint, image, 16 * MIB, legacy);
      try {
        expect(readFileSync(path.join(mountPoint, 'kept.txt'), 'utf8')).toBe('kept');
      } finally {
        await unmountQuotaDisk(mountPoint);
      }
      // What a server killed with its previews running leaves is unmounted by the next one, and only that.
      const dead = spawnSync('true').pid;
      const stale = path.join(path.dirname(mountPoint), `${dead}-${'0'.repeat(16)}`);
      await mountQuotaDisk(stale, image, 16 * MIB);
      await mountQuotaDisk(mountPoint, path.join(parent, 'other.img'), 16 * MIB);
      try {
        sweepStaleDisks();
        expect(isMounted(stale)).toBe(false);
        expect(existsSync(stale)).toBe(false);
        expect(isMounted(mountPoint)).toBe(true);
      } finally {
        await unmountQuotaDisk(stale);
        await unmountQuotaDisk(mountPoint);
      }
    },
  );
});

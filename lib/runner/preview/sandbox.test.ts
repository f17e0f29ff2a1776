import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exec } from '../toolchain';
import { baseEnv, DEFAULT_LIMITS, hostEnv, type Limits, sandboxCommand } from './sandbox';
import { sandboxAvailability, skipNote } from './test-support';

const available = await sandboxAvailability();
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs a Python snippet with the same sandbox the runner uses, in a fresh folder. */
async function run(code: string, limits: Partial<Limits> = {}, args: string[] = []) {
  if (!available.ok) throw new Error('unavailable');
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-sandbox-test-'));
  dirs.push(workDir);
  const { cmd, args: full } = sandboxCommand({
    workDir,
    readOnly: available.runtime.readOnly,
    env: baseEnv(),
    limits: { ...DEFAULT_LIMITS, ...limits },
    command: [available.runtime.python, '-c', code, ...args],
  });
  const started = Date.now();
  const result = await exec(cmd, full, { timeoutMs: 20_000, env: hostEnv() });
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

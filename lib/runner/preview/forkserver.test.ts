import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cgroupLayout } from './cgroup';
import { Forkserver } from './forkserver';
import { baseEnv, DEFAULT_LIMITS } from './sandbox';
import { sandboxAvailability, skipNote } from './test-support';

const available = await sandboxAvailability();
const cgroups = cgroupLayout();
const MIB = 1024 * 1024;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-forkserver-test-'));
const limits = { ...DEFAULT_LIMITS, memoryBytes: 512 * MIB, cpuSeconds: 2, processes: 48 };
const env = baseEnv({ SECRET_KEY: 'the-sandbox-secret' });
let server: Forkserver;

beforeAll(async () => {
  if (!available.ok) return;
  mkdirSync(path.join(workDir, 'app'), { recursive: true });
  server = new Forkserver({
    workDir,
    readOnly: available.runtime.readOnly,
    python: available.runtime.python,
    limits,
    env,
  });
  await server.ready;
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs Python code in a child of the forkserver; its exit and output. */
async function run(code: string, args: string[] = [], childEnv = env) {
  const child = server.run({ code, args }, childEnv);
  let stdout = '';
  let stderr = '';
  child.onOutput((fd, text) => {
    if (fd === 1) stdout += text;
    else stderr += text;
  });
  const exit = await child.done;
  return { ...exit, stdout, stderr };
}

describe.skipIf(!available.ok)(`the preview's forkserver${skipNote(available)}`, () => {
  it('runs each command in a child with its own environment, working folder, arguments and output', async () => {
    const result = await run(
      'import os, sys; print(os.getcwd(), sys.argv[1:], sorted(os.environ)); print("to stderr", file=sys.stderr); sys.exit(3)',
      ['a', 'b'],
      baseEnv({ ONLY_HERE: '1' }),
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toContain("/preview/app ['a', 'b']");
    expect(result.stdout).toContain("'ONLY_HERE'");
    expect(result.stdout).not.toContain('SECRET_KEY');
    expect(result.stderr).toBe('to stderr\n');
  });

  it('has the libraries imported but never the project: each child imports the code as it is now', async () => {
    await server.warm;
    const warm = await run(
      'import sys; print("fastapi" in sys.modules, "sqlalchemy" in sys.modules, "uvicorn" in sys.modules)',
    );
    expect(warm.stdout.trim()).toBe('True True True');
    const app = path.join(workDir, 'app');
    writeFileSync(
      path.join(app, 'project_main.py'),
      'import project_version\nprint(project_version.VALUE)\n',
    );
    const runMain = async () => {
      const child = server.run({ module: 'project_main', args: [] }, env);
      let out = '';
      child.onOutput((_, text) => {
        out += text;
      });
      expect((await child.done).code).toBe(0);
      return out.trim();
    };
    writeFileSync(path.join(app, 'project_version.py'), 'VALUE = "first"\n');
    expect(await runMain()).toBe('first');
    writeFileSync(path.join(app, 'project_version.py'), 'VALUE = "second"\n');
    expect(await runMain()).toBe('second');
    // Nothing of the project (or anything else under /preview) is loaded before a child imports it.
    const listing = await run(
      'import sys; print(sorted(n for n, m in sys.modules.items() if (getattr(m, "__file__", None) or "").startswith("/preview")))',
    );
    expect(listing.stdout.trim()).toBe('[]');
  });

  it('a held child imports its modules at once and runs its command only once released', async () => {
    const app = path.join(workDir, 'app');
    writeFileSync(path.join(app, 'held_app.py'), 'print("imported", flush=True)\n');
    writeFileSync(path.join(app, 'held_main.py'), 'import held_app\nprint("running", flush=True)\n');
    const child = server.run({ module: 'held_main', args: [] }, env, 'app', {
      hold: true,
      preload: ['held_app'],
    });
    let out = '';
    const imported = new Promise<void>((resolve) =>
      child.onOutput((_, text) => {
        out += text;
        if (out.includes('imported')) resolve();
      }),
    );
    await imported;
    // Imported once (the command finds it in sys.modules), and nothing run before the release.
    expect(out).toBe('imported\n');
    expect(child.hasExited()).toBe(false);
    child.release();
    expect((await child.done).code).toBe(0);
    expect(out).toBe('imported\nrunning\n');
  });

  it('survives a child that crashes, runs out of memory or of CPU time', async () => {
    const crash = await run('import ctypes; ctypes.string_at(0)');
    expect(crash.signal).toBe('SIGSEGV');
    const memory = await run('b = bytearray(1024 * 1024 * 1024)');
    expect(memory.code).toBe(1);
    expect(memory.stderr).toContain('MemoryError');
    const cpu = await run('while True: pass');
    // prlimit sets the soft and the hard limit alike: the kernel's SIGKILL at the hard one comes first.
    expect(['SIGXCPU', 'SIGKILL']).toContain(cpu.signal);
    const killer = await run('import os, signal; os.kill(os.getpid(), signal.SIGKILL)');
    expect(killer.signal).toBe('SIGKILL');
    expect(server.alive()).toBe(true);
    expect((await run('print("still here")')).stdout).toBe('still here\n');
  }, 30_000);

  it('killAll ends a looping child and everything it forked (other sessions too), and empties /preview/tmp', async () => {
    const looping = server.run(
      {
        code: [
          'import os, time',
          'open("/preview/tmp/left-behind", "w").write("x")',
          'for _ in range(5):',
          '    if os.fork() == 0:',
          '        os.setsid()',
          '        if os.fork() == 0:',
          '            while True: time.sleep(1)',
          '        while True: time.sleep(1)',
          'print("forked", flush=True)',
          'while True: pass',
        ].join('\n'),
        args: [],
      },
      env,
    );
    const forked = new Promise<void>((resolve) =>
      looping.onOutput((_, text) => text.includes('forked') && resolve()),
    );
    await forked;
    const before = await run('import os; print(len([p for p in os.listdir("/proc") if p.isdigit()]))');
    // init, the forkserver, the looping child, 5 + 5 forked, this child.
    expect(Number(before.stdout)).toBeGreaterThanOrEqual(13);
    await server.killAll();
    expect((await looping.done).signal).toBe('SIGKILL');
    const after = await run(
      'import os; print(sorted(os.listdir("/preview/tmp")), len([p for p in os.listdir("/proc") if p.isdigit()]))',
    );
    // init, the forkserver and this child.
    expect(after.stdout.trim()).toBe('[] 3');
  });

  it.skipIf(cgroups.version === null)(
    'a fork bomb in a child stops at the process limit; after killAll the forkserver forks again',
    async () => {
      const bomb = await run(
        'import os, time\nn = 0\ntry:\n    while n < 10000:\n        if os.fork() == 0:\n            time.sleep(3600)\n        n += 1\nexcept OSError as e:\n    print(n, e.errno)\n',
      );
      expect(bomb.code).toBe(0);
      const [forked] = bomb.stdout.trim().split(' ');
      expect(Number(forked)).toBeLessThan(limits.processes);
      await server.killAll();
      expect((await run('print("after")')).stdout).toBe('after\n');
    },
    30_000,
  );

  it("keeps its control pipes from its children: they cannot open the forkserver's /proc/<pid>/fd", async () => {
    const result = await run(
      'import os\nfor fd in (0, 1):\n    try:\n        open("/proc/%d/fd/%d" % (os.getppid(), fd), "rb").close()\n        print("opened")\n    except OSError as e:\n        print(type(e).__name__)\nprint(os.readlink("/proc/self/fd/0"))',
    );
    expect(result.stdout.trim().split('\n')).toEqual(['PermissionError', 'PermissionError', '/dev/null']);
  });

  it('a child that kills the forkserver takes the sandbox down, and says so', async () => {
    const doomed = new Forkserver({
      workDir,
      readOnly: available.ok ? available.runtime.readOnly : [],
      python: available.ok ? available.runtime.python : '',
      limits,
      env,
    });
    await doomed.ready;
    const exited = new Promise((resolve) => doomed.onExit(resolve));
    const child = doomed.run(
      { code: 'import os, signal; os.kill(os.getppid(), signal.SIGKILL)', args: [] },
      env,
    );
    await exited;
    expect(doomed.alive()).toBe(false);
    expect((await child.done).code).toBeNull();
  }, 60_000);
});

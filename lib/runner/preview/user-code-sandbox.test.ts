/**
 * Attacks written as user handler code (issue 18): a design whose custom endpoints each hold one attack in the
 * user's own handler module, run through the real path (generator + user code -> preview manager -> sandbox ->
 * proxy). Each handler answers what it observed as JSON; the test asserts the attack failed, the proxy's answer
 * carries none of the hostile headers and `Content-Security-Policy: sandbox`, the host and another preview are
 * unaffected, and the preview answers afterwards (a restart works after the fork bomb and the full disk).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomEndpoint, type Design, templates } from '@/lib/design';
import { handlerModulePath } from '@/lib/generator/user-code/handler-paths';
import type { UserCode } from '@/lib/generator/user-code/types';
import { cgroupLayout } from './cgroup';
import { PREVIEW_CSP } from './csp';
import { quotaDiskSupport } from './disk';
import { PreviewManager } from './manager';
import { forward } from './proxy';
import { DEFAULT_LIMITS } from './sandbox';
import { sandboxAvailability, skipNote } from './test-support';

const available = await sandboxAvailability();
const diskSupport = quotaDiskSupport();
const cgroups = cgroupLayout();
const MIB = 1024 * 1024;
const limits = { ...DEFAULT_LIMITS, processes: 64, diskBytes: 64 * MIB };
const previewsDir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-user-code-sandbox-'));
const outside = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-user-code-outside-'));
const manager = new PreviewManager({
  previewsDir,
  check: false,
  limits,
  availability: async () => available,
});
const attacker = '00000000-0000-4000-8000-0000000a77ac';
const victim = '00000000-0000-4000-8000-0000000b1c71';
const owner = { userId: 'user-code-sandbox' };
const HOST_SECRET = `host-secret-${process.pid}-${Date.now()}`;
const pgPort = Number(
  new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://x@127.0.0.1:5432/x').port || 5432,
);

/** Python shared by every handler: `attempt` runs one action and says what happened (`ok: ...` or the errno). */
const PRELUDE = `import errno
import json
import os
import socket
import sys
import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse


def attempt(action: Any) -> str:
    try:
        return "ok: " + str(action())[:300]
    except OSError as e:
        return errno.errorcode.get(e.errno or 0, type(e).__name__)


def read(p: str) -> str:
    # What it could read, not the contents (a host file may hold a token): its size.
    with open(p, "rb") as f:
        return "%d bytes" % len(f.read())


def write(p: str) -> str:
    with open(p, "x") as f:
        f.write("pwned")
    return "written"


def connect(address: Any) -> str:
    family = socket.AF_UNIX if isinstance(address, str) else (
        socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    )
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(2)
        s.connect(address)
    return "connected"
`;

const py = (value: unknown) => JSON.stringify(value);

/** Where the interpreter lives: bound read-only into the sandbox, so these folders (and their parents) exist. */
const interpreterFolders = () => (available.ok ? available.runtime.readOnly : []);
const holdsInterpreter = (p: string) =>
  interpreterFolders().some((dir) => dir === p || dir.startsWith(`${p}/`) || p.startsWith(`${dir}/`));

/** What the host's home folder holds (dotfiles, tokens, caches), but the interpreter when it lives there. */
function hostHomeFiles(): string[] {
  const home = os.homedir();
  return readdirSync(home)
    .map((name) => path.join(home, name))
    .filter((p) => !holdsInterpreter(p));
}

/** Each attack: its path and the body of `handle` (after the prelude), indented by 4. */
function attacks(hosts: {
  testPort: number;
  otherRoot: string;
  otherSocket: string;
  repo: string;
}): Record<string, string> {
  return {
    '/probe/read-host': `
    targets = {
        "shadow": "/etc/shadow",
        "passwd": "/etc/passwd",
        "source": ${py(path.join(hosts.repo, 'package.json'))},
        "source_dir": ${py(path.join(hosts.repo, 'lib'))},
        "app_data": ${py(path.join(hosts.repo, '.data'))},
        "previews": ${py(previewsDir)},
        "host_tmp": ${py(outside)},
    }
    seen = {
        name: attempt(lambda p=p: os.listdir(p) if os.path.isdir(p) else read(p))
        for name, p in targets.items()
    }
    seen["exists"] = [p for p in targets.values() if os.path.exists(p)]
    seen["root"] = sorted(os.listdir("/"))
    home = {}
    for p in ${py(hostHomeFiles())}:
        home[p] = attempt(lambda p=p: os.listdir(p) if os.path.isdir(p) else read(p))
    seen["home"] = home
    return JSONResponse(seen)`,
    '/probe/loopback': `
    targets = {
        "test_server": ("127.0.0.1", ${hosts.testPort}),
        "test_server_v6": ("::1", ${hosts.testPort}),
        "postgres": ("127.0.0.1", ${pgPort}),
        "postgres_unix": "/var/run/postgresql/.s.PGSQL.${pgPort}",
        "other_preview": ${py(hosts.otherSocket)},
        "outside": ("1.1.1.1", 443),
    }
    return JSONResponse({name: attempt(lambda a=a: connect(a)) for name, a in targets.items()})`,
    '/probe/write-outside': `
    targets = {
        "inside": "/preview/data/inside.txt",
        "host_tmp": ${py(path.join(outside, 'pwned.txt'))},
        "tmp": "/tmp/pwned.txt",
        "parent": "/preview/../pwned.txt",
        "usr": "/usr/pwned.txt",
        "interpreter": os.path.join(sys.prefix, "pwned.txt"),
        "source": ${py(path.join(hosts.repo, 'pwned.txt'))},
        "other_preview": ${py(path.join(hosts.otherRoot, 'data', 'pwned.txt'))},
    }
    return JSONResponse({name: attempt(lambda p=p: write(p)) for name, p in targets.items()})`,
    '/probe/other-previews': `
    targets = {
        "root": ${py(hosts.otherRoot)},
        "secret": ${py(path.join(hosts.otherRoot, 'data', 'secret.key'))},
        "database": ${py(path.join(hosts.otherRoot, 'data', 'app.db'))},
        "code": ${py(path.join(hosts.otherRoot, 'app', 'app', 'main.py'))},
        "sibling": "/preview/../${victim}",
        "previews": ${py(previewsDir)},
    }
    seen = {
        name: attempt(lambda p=p: os.listdir(p) if os.path.isdir(p) else read(p))
        for name, p in targets.items()
    }
    return JSONResponse(seen)`,
    '/probe/environ': `
    procs = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            procs[pid] = attempt(lambda pid=pid: read("/proc/" + pid + "/environ"))
    return JSONResponse({
        "environ": dict(os.environ),
        "pid1": attempt(lambda: read("/proc/1/environ")),
        "procs": procs,
    })`,
    '/probe/headers-json': `
    response = JSONResponse({"ok": True})
    response.set_cookie("authjs.session-token", "evil", path="/", httponly=True)
    response.set_cookie("theirs", "1", path="/", domain="localhost")
    hostile = {
        "Location": "https://evil.example/",
        "Content-Security-Policy": "default-src *; script-src 'unsafe-inline'",
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Credentials": "true",
        "Refresh": "0; url=https://evil.example/",
        "Clear-Site-Data": '"cookies", "storage"',
        "Link": "</evil.js>; rel=preload; as=script",
        "Service-Worker-Allowed": "/",
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "X-Frame-Options": "ALLOWALL",
        "Cross-Origin-Opener-Policy": "unsafe-none",
    }
    for name, value in hostile.items():
        response.headers[name] = value
    return response`,
    '/probe/headers-html': `
    return HTMLResponse(
        "<script>fetch('/api/workspaces').then(r => r.text()).then(alert)</script>",
        headers={
            "Content-Security-Policy": "script-src 'unsafe-inline'",
            "X-Content-Type-Options": "sniff",
            "Set-Cookie": "authjs.session-token=evil; Path=/",
        },
    )`,
    '/probe/redirect': `
    return RedirectResponse("https://evil.example/steal", status_code=302)`,
    '/probe/fork-bomb': `
    forked = 0
    error = "none"
    try:
        while forked < 10000:
            if os.fork() == 0:
                os.setsid()
                while True:
                    time.sleep(3600)
            forked += 1
    except OSError as e:
        error = errno.errorcode.get(e.errno or 0, str(e))
    return JSONResponse({"forked": forked, "error": error})`,
    '/probe/fill-disk': `
    written = 0
    error = "none"
    chunk = b"x" * (1024 * 1024)
    try:
        for n in range(100000):
            with open("/preview/data/fill-%d.bin" % n, "wb") as f:
                for _ in range(16):
                    f.write(chunk)
                    f.flush()
                    written += len(chunk)
    except OSError as e:
        error = errno.errorcode.get(e.errno or 0, str(e))
    return JSONResponse({"written": written, "error": error})`,
  };
}

/** The todo design plus one public custom endpoint per attack, and the user's handler module of each. */
function attackDesign(bodies: Record<string, string>): { design: Design; userCode: UserCode } {
  const design = templates.todo();
  design.customEndpoints = Object.keys(bodies).map(
    (p, i): CustomEndpoint => ({
      id: `c_attack_${i}`,
      method: 'GET',
      path: p,
      summary: `Attack ${p}`,
      access: { kind: 'public' },
      response: { entityId: 'e_todo_list', list: false },
    }),
  );
  const files: UserCode['files'] = {};
  for (const endpoint of design.customEndpoints) {
    const file = handlerModulePath(design, endpoint);
    if (!file) throw new Error(`no handler module for ${endpoint.path}`);
    const content = `${PRELUDE}\n\nasync def handle(session: AsyncSession) -> Any:${bodies[endpoint.path]}\n`;
    files[file] = { content, base: '' };
  }
  return { design, userCode: { files } };
}

/** Calls a preview through the proxy, as the `/preview/{id}/...` route does. */
async function viaProxy(id: string, upstreamPath: string) {
  const socketPath = manager.socketFor(id);
  if (!socketPath) throw new Error(`preview ${id} is not running`);
  const request = new Request(`http://ide.local/preview/${id}${upstreamPath}`, {
    headers: { host: 'ide.local', cookie: 'authjs.session-token=the-ides-session' },
  });
  const response = await forward(request, { socketPath, upstreamPath, prefix: `/preview/${id}` });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

type Proxied = Awaited<ReturnType<typeof viaProxy>>;

/** Only the proxy's own safety headers and harmless app headers: nothing hostile reaches the browser. */
function expectSafeHeaders(answer: Proxied) {
  expect(answer.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
  expect(PREVIEW_CSP.split(';')[0]).toBe('sandbox');
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  for (const name of [
    'set-cookie',
    'location',
    'access-control-allow-origin',
    'access-control-allow-credentials',
    'refresh',
    'clear-site-data',
    'link',
    'service-worker-allowed',
    'strict-transport-security',
    'x-frame-options',
    'cross-origin-opener-policy',
  ])
    expect(answer.headers.get(name), name).toBeNull();
}

/** Host processes whose environment holds this preview's secret key: its app and everything it forked. */
function processesOf(id: string): number[] {
  const key = readFileSync(path.join(manager.pathsOf(id).data, 'secret.key'), 'utf8').trim();
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`SECRET_KEY=${key}`)) out.push(Number(pid));
    } catch {
      // Gone meanwhile, or not readable.
    }
  }
  return out;
}

/** What `attempt` answers for a refused action: the errno's name, or the exception's class. */
const refused = /^(E[A-Z0-9]+|[A-Za-z]*Error)$/;

let connections = 0;
const testServer = net.createServer((socket) => {
  connections += 1;
  socket.end();
});
let attack: { design: Design; userCode: UserCode };
const timings: string[] = [];

async function startAttacker(extra: { resetData?: boolean } = {}) {
  const t = performance.now();
  const end = await manager.start(attacker, attack.design, { ...owner, userCode: attack.userCode, ...extra });
  timings.push(`attacker start ${Math.round(performance.now() - t)} ms`);
  return end;
}

beforeAll(async () => {
  if (!available.ok) return;
  await new Promise<void>((resolve) => testServer.listen(0, '127.0.0.1', resolve));
  const { port } = testServer.address() as net.AddressInfo;
  const other = manager.pathsOf(victim);
  attack = attackDesign(
    attacks({ testPort: port, otherRoot: other.root, otherSocket: other.socket, repo: process.cwd() }),
  );
  // Secrets of the server's own environment: none may reach a preview.
  process.env.FASTDRAFT_TEST_SECRET = HOST_SECRET;
  const t = performance.now();
  const [a, b] = await Promise.all([startAttacker(), manager.start(victim, templates.todo(), owner)]);
  timings.push(`both previews ${Math.round(performance.now() - t)} ms`);
  expect(a, a.error).toMatchObject({ ok: true });
  expect(b, b.error).toMatchObject({ ok: true });
}, 120_000);
afterAll(async () => {
  delete process.env.FASTDRAFT_TEST_SECRET;
  testServer.close();
  await manager.stopAll();
  rmSync(previewsDir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
  console.log(`user-code sandbox: ${timings.join(', ')}`);
});

/** The other preview still answers, through the proxy, with its own data. */
async function victimAnswers() {
  const health = await viaProxy(victim, '/health');
  expect(health.status).toBe(200);
  expect(health.json()).toEqual({ status: 'ok' });
}

describe.skipIf(!available.ok)(`user handler code in the preview sandbox${skipNote(available)}`, () => {
  it('cannot read host files: /etc/shadow, the home folder, the source tree, the data folder', async () => {
    const answer = await viaProxy(attacker, '/probe/read-host');
    expect(answer.status, answer.text).toBe(200);
    expectSafeHeaders(answer);
    const seen = answer.json() as Record<string, unknown>;
    for (const name of ['shadow', 'passwd', 'source', 'source_dir', 'app_data', 'previews', 'host_tmp'])
      expect(seen[name], name).toMatch(refused);
    expect(seen.exists).toEqual([]);
    const home = seen.home as Record<string, string>;
    expect(Object.keys(home).length).toBeGreaterThan(0);
    for (const [file, result] of Object.entries(home)) expect(result, file).toMatch(refused);
    // An empty root: the system's /usr, the interpreter's folders, /proc, /dev and the preview.
    const allowed = new Set([
      'usr',
      'bin',
      'sbin',
      'lib',
      'lib32',
      'lib64',
      'proc',
      'dev',
      'preview',
      'socket',
    ]);
    for (const dir of interpreterFolders()) allowed.add(dir.split('/')[1] ?? '');
    expect((seen.root as string[]).filter((name) => !allowed.has(name))).toEqual([]);
    expect(seen.root).not.toContain('etc');
  });

  it("cannot connect to the host's loopback (a test server, PostgreSQL), another preview or the network", async () => {
    const answer = await viaProxy(attacker, '/probe/loopback');
    expect(answer.status, answer.text).toBe(200);
    expectSafeHeaders(answer);
    const seen = answer.json() as Record<string, string>;
    expect(Object.keys(seen).sort()).toEqual(
      ['other_preview', 'outside', 'postgres', 'postgres_unix', 'test_server', 'test_server_v6'].sort(),
    );
    for (const [name, result] of Object.entries(seen)) expect(result, name).toMatch(refused);
    expect(connections).toBe(0);
    // From the host, the same server answers: the attack had something to reach.
    const { port } = testServer.address() as net.AddressInfo;
    await new Promise<void>((resolve, reject) => net.connect(port, '127.0.0.1', resolve).on('error', reject));
    await victimAnswers();
  });

  it('writes only in its own folder: not the host /tmp, /preview/.., the source tree or another preview', async () => {
    const answer = await viaProxy(attacker, '/probe/write-outside');
    expect(answer.status, answer.text).toBe(200);
    expectSafeHeaders(answer);
    const seen = answer.json() as Record<string, string>;
    expect(seen.inside).toBe('ok: written');
    for (const name of ['host_tmp', 'tmp', 'parent', 'usr', 'interpreter', 'source', 'other_preview'])
      expect(seen[name], name).toMatch(refused);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(process.cwd())).not.toContain('pwned.txt');
    expect(readdirSync(manager.pathsOf(victim).data)).not.toContain('pwned.txt');
    await victimAnswers();
  });

  it("cannot see another preview's folder, secret, database or code", async () => {
    const answer = await viaProxy(attacker, '/probe/other-previews');
    expect(answer.status, answer.text).toBe(200);
    expectSafeHeaders(answer);
    const seen = answer.json() as Record<string, string>;
    for (const [name, result] of Object.entries(seen)) expect(result, name).toMatch(refused);
    const victimKey = readFileSync(path.join(manager.pathsOf(victim).data, 'secret.key'), 'utf8').trim();
    expect(answer.text).not.toContain(victimKey);
  });

  it("holds nothing of the server's environment: os.environ, /proc/1/environ, any /proc/<pid>/environ", async () => {
    const answer = await viaProxy(attacker, '/probe/environ');
    expect(answer.status, answer.text).toBe(200);
    expectSafeHeaders(answer);
    const seen = answer.json() as {
      environ: Record<string, string>;
      pid1: string;
      procs: Record<string, string>;
    };
    expect(Object.keys(seen.environ).sort()).toEqual(
      [
        'DATABASE_URL',
        'ENVIRONMENT',
        'HOME',
        'LANG',
        'MALLOC_ARENA_MAX',
        'PATH',
        'PWD',
        'PYTHONDONTWRITEBYTECODE',
        'PYTHONUNBUFFERED',
        'SECRET_KEY',
        'TMPDIR',
      ].sort(),
    );
    expect(seen.environ.DATABASE_URL).toMatch(/^sqlite\+aiosqlite:\/\/\/\/preview\/data\//);
    // Only the process tree of the sandbox is visible (its own pid namespace).
    expect(Object.keys(seen.procs).length).toBeLessThan(10);
    const everything = answer.text;
    expect(everything).not.toContain(HOST_SECRET);
    expect(everything).not.toContain('FASTDRAFT_TEST_SECRET');
    if (process.env.TEST_DATABASE_URL) expect(everything).not.toContain(process.env.TEST_DATABASE_URL);
    for (const name of ['AUTH_SECRET', 'NEXTAUTH_SECRET', 'DATABASE_URL=postgres', 'FASTDRAFT_PYTHON_CACHE'])
      expect(everything).not.toContain(name);
  });

  it('sets no hostile response header through the proxy (cookies, Location, CSP, CORS, Refresh, ...)', async () => {
    const json = await viaProxy(attacker, '/probe/headers-json');
    expect(json.status, json.text).toBe(200);
    expect(json.json()).toEqual({ ok: true });
    expectSafeHeaders(json);

    // An HTML page with a script: served as HTML, but sandboxed (no script runs, no same origin) and not sniffed.
    const html = await viaProxy(attacker, '/probe/headers-html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('<script>');
    expectSafeHeaders(html);

    // A redirect to another origin is refused, not passed on.
    const redirect = await viaProxy(attacker, '/probe/redirect');
    expect(redirect.status).toBe(502);
    expect(redirect.json()).toMatchObject({ error: { code: 'preview_redirect_refused' } });
    expectSafeHeaders(redirect);
  });

  // Without a control group only RLIMIT_NPROC bounds it, which counts every process of the user (or not root's).
  it.skipIf(cgroups.version === null)(
    `a fork bomb stops at the process limit; the host, the other preview and a restart are unaffected${cgroups.version === null ? ` (skipped: no writable control group: ${cgroups.reason})` : ''}`,
    async () => {
      const answer = await viaProxy(attacker, '/probe/fork-bomb');
      expect(answer.status, answer.text).toBe(200);
      expectSafeHeaders(answer);
      const seen = answer.json() as { forked: number; error: string };
      timings.push(`fork bomb stopped after ${seen.forked} forks (${seen.error})`);
      expect(seen.error).toBe('EAGAIN');
      expect(seen.forked).toBeGreaterThan(0);
      expect(seen.forked).toBeLessThan(limits.processes);
      expect(processesOf(attacker).length).toBeGreaterThan(seen.forked);
      // The host still starts processes.
      expect(execFileSync('sh', ['-c', 'echo fine'], { encoding: 'utf8' }).trim()).toBe('fine');
      await victimAnswers();
      // A restart kills every forked process (they left its process group: the pid namespace takes them).
      const end = await startAttacker();
      expect(end, end.error).toMatchObject({ ok: true });
      expect(processesOf(attacker).length).toBeLessThan(5);
      expect((await viaProxy(attacker, '/health')).status).toBe(200);
    },
    90_000,
  );

  // Without a quota disk the preview's folder is on the server's disk: not filled on purpose here.
  it.skipIf(diskSupport !== null)(
    `filling the disk stops at its quota; the other preview answers and a restart works${diskSupport ? ` (skipped: ${diskSupport})` : ''}`,
    async () => {
      const answer = await viaProxy(attacker, '/probe/fill-disk');
      expect(answer.status, answer.text).toBe(200);
      expectSafeHeaders(answer);
      const seen = answer.json() as { written: number; error: string };
      timings.push(`disk filled with ${Math.round(seen.written / MIB)} MiB (${seen.error})`);
      expect(['ENOSPC', 'EDQUOT', 'EFBIG']).toContain(seen.error);
      expect(seen.written).toBeLessThanOrEqual(limits.diskBytes);
      await victimAnswers();
      expect((await viaProxy(attacker, '/health')).status).toBe(200);
      // Same design: the data is kept as it is, so the app starts again (with its disk still full).
      const same = await startAttacker();
      expect(same, same.error).toMatchObject({ ok: true });
      expect((await viaProxy(attacker, '/probe/read-host')).status).toBe(200);
      // Resetting the data empties the whole disk, whatever the app wrote on it.
      const reset = await startAttacker({ resetData: true });
      expect(reset, reset.error).toMatchObject({ ok: true });
      expect(readdirSync(manager.pathsOf(attacker).data).filter((f) => f.startsWith('fill-'))).toEqual([]);
      expect((await viaProxy(attacker, '/health')).status).toBe(200);
    },
    90_000,
  );
});

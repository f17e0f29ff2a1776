/**
 * Provisions the Python toolchain the way a user would: `python3 -m venv` + `pip install` of a generated
 * project's requirements (which include ruff and mypy). When pip cannot install them on a Debian host, falls
 * back to a Debian trixie root built with debootstrap from Debian's own packages.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  accept,
  candidates,
  debianRootDir,
  describeVersions,
  exec,
  findToolchain,
  probe,
  type Toolchain,
  type ToolchainKind,
  venvDir,
} from './toolchain';

export type Requirements = { 'requirements.txt': string; 'requirements-dev.txt': string };

export type ProvisionResult = { ok: true; toolchain: Toolchain } | { ok: false; reason: string };

type Log = (line: string) => void;

/**
 * Debian packages of what a generated project needs (the field guide's list). Installed with apt inside the
 * root rather than `debootstrap --include`, whose resolver does not follow virtual packages (python3-argon2
 * needs python3-cffi-backend-api-*).
 */
const DEBIAN_PACKAGES = [
  'python3-fastapi',
  'python3-sqlalchemy',
  'python3-alembic',
  'python3-pytest',
  'python3-httpx',
  'python3-uvicorn',
  'python3-jwt',
  'python3-email-validator',
  'python3-pydantic-settings',
  'python3-bcrypt',
  'python3-argon2',
  'python3-psycopg',
  'mypy',
];
/** Installed one by one afterwards, so that a missing name does not sink the rest. */
const DEBIAN_EXTRA = ['python3-aiosqlite', 'python3-multipart', 'ruff'];

const PIP_FLAGS = ['--retries', '0', '--timeout', '5', '--disable-pip-version-check', '--quiet'];

function stampOf(requirements: Requirements): string {
  return createHash('sha256')
    .update(requirements['requirements.txt'])
    .update('\0')
    .update(requirements['requirements-dev.txt'])
    .digest('hex');
}

function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

async function provisionVenv(
  cacheDir: string,
  requirements: Requirements,
  log: Log,
): Promise<ProvisionResult> {
  const venv = venvDir(cacheDir);
  const stampFile = path.join(venv, '.fastdraft-requirements');
  const stamp = stampOf(requirements);
  const python = path.join(venv, 'bin', 'python');
  if (existsSync(python) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    const found = await checkCandidate(cacheDir, 'venv');
    if (found.ok) {
      log(`virtualenv ${venv} is up to date with the generated requirements`);
      return found;
    }
  }
  const base = 'python3';
  if (!existsSync(python)) {
    log(`creating virtualenv: ${base} -m venv ${venv}`);
    const made = await exec(base, ['-m', 'venv', venv], { timeoutMs: 120_000 });
    if (made.code !== 0) {
      rmSync(venv, { recursive: true, force: true });
      return {
        ok: false,
        reason: `${base} -m venv failed (on Debian: apt-get install python3-venv):\n${tail(made.stderr || made.stdout)}`,
      };
    }
  }
  const reqDir = path.join(cacheDir, 'requirements');
  mkdirSync(reqDir, { recursive: true });
  for (const [name, text] of Object.entries(requirements)) writeFileSync(path.join(reqDir, name), text);
  log(`pip install -r requirements-dev.txt (the generated project's, with ruff and mypy) into ${venv}`);
  const started = Date.now();
  const pip = await exec(
    python,
    ['-m', 'pip', 'install', ...PIP_FLAGS, '-r', path.join(reqDir, 'requirements-dev.txt')],
    { timeoutMs: 15 * 60_000 },
  );
  if (pip.code !== 0) {
    return { ok: false, reason: `pip install failed (exit ${pip.code}):\n${tail(pip.stderr || pip.stdout)}` };
  }
  log(`pip install done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const found = await checkCandidate(cacheDir, 'venv');
  if (!found.ok) return found;
  writeFileSync(stampFile, stamp);
  return found;
}

export async function provisionDebianRoot(cacheDir: string, log: Log): Promise<ProvisionResult> {
  if (!existsSync('/etc/debian_version')) return { ok: false, reason: 'the host is not Debian: no fallback' };
  if (process.getuid?.() !== 0)
    return { ok: false, reason: 'the Debian fallback needs root (debootstrap, chroot)' };
  const root = debianRootDir(cacheDir);
  if (!existsSync(path.join(root, 'usr/bin/python3'))) {
    if ((await exec('sh', ['-c', 'command -v debootstrap'])).code !== 0) {
      log('installing debootstrap (apt-get)');
      let apt = await exec('apt-get', ['install', '-y', '-qq', 'debootstrap'], { timeoutMs: 600_000 });
      if (apt.code !== 0) {
        await exec('apt-get', ['update', '-qq'], { timeoutMs: 600_000 });
        apt = await exec('apt-get', ['install', '-y', '-qq', 'debootstrap'], { timeoutMs: 600_000 });
      }
      if (apt.code !== 0)
        return { ok: false, reason: `apt-get install debootstrap failed:\n${tail(apt.stderr)}` };
    }
    const mirror = process.env.FASTDRAFT_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
    log(`debootstrap --variant=minbase trixie ${root} ${mirror} (about a minute, ~350 MB)`);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const started = Date.now();
    const boot = await exec(
      'debootstrap',
      ['--variant=minbase', '--include=python3', 'trixie', root, mirror],
      { timeoutMs: 30 * 60_000 },
    );
    if (boot.code !== 0) {
      const log = path.join(cacheDir, 'debootstrap.log');
      try {
        copyFileSync(path.join(root, 'debootstrap/debootstrap.log'), log);
      } catch {
        // no log written
      }
      rmSync(root, { recursive: true, force: true });
      return {
        ok: false,
        reason: `debootstrap failed (exit ${boot.code}; log kept in ${log}):\n${tail(boot.stderr || boot.stdout)}`,
      };
    }
    log(`debootstrap done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const aptInRoot = (packages: string[]) =>
    exec('chroot', [root, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages], {
      timeoutMs: 20 * 60_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  log(`apt-get install in the Debian root: ${DEBIAN_PACKAGES.join(' ')}`);
  const installed = await aptInRoot(DEBIAN_PACKAGES);
  if (installed.code !== 0) {
    return {
      ok: false,
      reason: `apt-get install in ${root} failed:\n${tail(installed.stderr || installed.stdout)}`,
    };
  }
  for (const pkg of DEBIAN_EXTRA) {
    const got = await aptInRoot([pkg]);
    if (got.code !== 0) log(`could not install ${pkg} in the Debian root: ${tail(got.stderr, 2)}`);
  }
  const found = await checkCandidate(cacheDir, 'debian-root');
  if (found.ok)
    log(
      'note: Debian trixie packages are older than requirements.txt asks (argon2-cffi 21.1 < 23.1, ' +
        'pydantic 2.10, FastAPI 0.115) and Debian has no ruff: expect the ruff steps skipped and some failures',
    );
  return found;
}

async function checkCandidate(cacheDir: string, kind: ToolchainKind): Promise<ProvisionResult> {
  const toolchain = candidates(cacheDir, {}).find((t) => t.kind === kind);
  if (!toolchain) return { ok: false, reason: `no ${kind} in ${cacheDir}` };
  const found = await probe(toolchain);
  if ('error' in found) return { ok: false, reason: `${toolchain.description} does not run: ${found.error}` };
  const problem = accept(toolchain, found);
  return problem === null ? { ok: true, toolchain } : { ok: false, reason: problem };
}

/**
 * Makes a toolchain available in `cacheDir` (or checks `FASTDRAFT_PYTHON`) and logs what it did. The result
 * says what is missing when it could not.
 */
export async function provisionToolchain(options: {
  cacheDir: string;
  requirements: Requirements;
  log?: Log;
  env?: Partial<Record<string, string>>;
}): Promise<ProvisionResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const env = options.env ?? process.env;
  if (env.FASTDRAFT_PYTHON) {
    log(`FASTDRAFT_PYTHON is set: checking ${env.FASTDRAFT_PYTHON} (nothing is installed into it)`);
    return findToolchain({ cacheDir: options.cacheDir, env });
  }
  const viaPip = await provisionVenv(options.cacheDir, options.requirements, log);
  if (viaPip.ok) return viaPip;
  log(`pip path failed: ${viaPip.reason}`);
  if (!existsSync('/etc/debian_version')) return viaPip;
  log('falling back to a Debian trixie root (debootstrap)');
  const viaDebian = await provisionDebianRoot(options.cacheDir, log);
  if (viaDebian.ok) return viaDebian;
  return { ok: false, reason: `${viaPip.reason}\nDebian fallback: ${viaDebian.reason}` };
}

export function summary(toolchain: Toolchain): string {
  const lacks = toolchain.lacks.length
    ? ` (without ${toolchain.lacks.join(', ')}: those steps are skipped)`
    : '';
  return `${toolchain.description}: ${describeVersions(toolchain)}${lacks}`;
}

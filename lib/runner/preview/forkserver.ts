/**
 * One preview's sandbox, kept for the preview's life: a warm interpreter (`FORKSERVER_SCRIPT`) in the usual
 * bubblewrap sandbox (`sandbox.ts`: namespaces, read-only root, seccomp, rlimits, control group) that forks a
 * child per command (migrations, the data copy, uvicorn). The child imports the project's code as it is now; the
 * third-party libraries are already imported, so a restart pays for neither an interpreter nor those imports.
 * `killAll` ends every process of the sandbox but the server, and empties its /preview/tmp, between two apps.
 */
import 'server-only';
import type { ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { FORKSERVER_SCRIPT } from './forkserver-script';
import {
  INNER_ROOT,
  killGroup,
  type Limits,
  type SandboxCommand,
  sandboxCommand,
  spawnSandbox,
} from './sandbox';

/** What a child runs: `python -m module args`, or `python [-I] -c code args`. */
export type ForkCommand =
  | { module: string; args: string[] }
  | { code: string; args: string[]; isolated?: boolean };

export type ForkExit = { code: number | null; signal: NodeJS.Signals | null };

/** A child of the forkserver. */
export type ForkChild = {
  readonly done: Promise<ForkExit>;
  hasExited(): boolean;
  onOutput(listener: (fd: 1 | 2, text: string) => void): void;
  /** Lets a held child go on to its command. */
  release(): void;
};

/**
 * A held child imports `preload` (with the command's folder on sys.path), builds the OpenAPI document of the
 * `openapi` app (`module:attr`), and waits for `release`.
 */
export type HoldOptions = { hold?: boolean; preload?: string[]; openapi?: string };

type Job = {
  exit?: ForkExit;
  resolve: (exit: ForkExit) => void;
  listeners: ((fd: 1 | 2, text: string) => void)[];
};

export type ForkserverSpec = {
  workDir: string;
  readOnly: string[];
  socketDir?: string;
  python: string;
  limits: Limits;
  /** The sandbox's environment: what its processes start with (each command gets an environment of its own). */
  env: Record<string, string>;
};

/** How long the interpreter may take to import the libraries (a loaded machine takes seconds). */
const READY_TIMEOUT_MS = 60_000;

export class Forkserver {
  readonly env: Record<string, string>;
  /** Whether its secret key was made for the start that made it (no token was issued with it yet). */
  freshKey = false;
  private readonly process: ChildProcess;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  private buffer = '';
  private stderr = '';
  private killWaiters: (() => void)[] = [];
  private exitedWith: ForkExit | null = null;
  private readonly exitListeners: ((exit: ForkExit) => void)[] = [];
  /**
   * Resolves once the migrations' libraries are imported (it takes commands then); rejects when the server
   * exits or does not get there in time.
   */
  readonly ready: Promise<void>;
  /** Resolves once every library is imported (the app's too). */
  readonly warm: Promise<void>;
  private markWarm = () => {};

  constructor(spec: ForkserverSpec) {
    this.env = spec.env;
    const command: SandboxCommand = sandboxCommand({
      workDir: spec.workDir,
      readOnly: spec.readOnly,
      ...(spec.socketDir ? { socketDir: spec.socketDir } : {}),
      env: spec.env,
      cwd: '.',
      limits: spec.limits,
      command: [spec.python, '-c', FORKSERVER_SCRIPT],
    });
    this.process = spawnSandbox(command, { stdin: true });
    const proc = this.process;
    if (!proc.stdout || !proc.stderr || !proc.stdin) throw new Error('forkserver without pipes');
    (proc.stdin as Writable).on('error', () => undefined);
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-16 * 1024);
    });
    let markReady = () => {};
    let failReady = (_: Error) => {};
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // Nobody may be left waiting on a promise nobody handles.
    this.ready.catch(() => undefined);
    this.warm = new Promise<void>((resolve) => {
      this.markWarm = resolve;
    });
    const timer = setTimeout(() => {
      failReady(new Error(`the preview's interpreter did not start within ${READY_TIMEOUT_MS / 1000} s`));
      this.close();
    }, READY_TIMEOUT_MS);
    proc.stdout.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let cut = this.buffer.indexOf('\n'); cut !== -1; cut = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, cut);
        this.buffer = this.buffer.slice(cut + 1);
        const message = parse(line);
        if (!message) continue;
        if (message.event === 'ready') {
          clearTimeout(timer);
          markReady();
        } else if (message.event === 'warm') this.markWarm();
        else this.receive(message);
      }
    });
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      this.exitedWith = { code, signal };
      const why = this.stderr.trim().split('\n').slice(-6).join('\n');
      failReady(
        new Error(`the preview's interpreter exited (${signal ?? `code ${code}`})${why ? `:\n${why}` : ''}`),
      );
      // Its children went with it (the pid namespace).
      for (const job of this.jobs.values()) job.resolve({ code: null, signal: signal ?? 'SIGKILL' });
      this.jobs.clear();
      for (const resolve of this.killWaiters.splice(0)) resolve();
      for (const listener of this.exitListeners.splice(0)) listener({ code, signal });
    });
  }

  /** Whether the sandbox is still there (its processes die with it). */
  alive(): boolean {
    return this.exitedWith === null;
  }

  onExit(listener: (exit: ForkExit) => void): void {
    if (this.exitedWith) listener(this.exitedWith);
    else this.exitListeners.push(listener);
  }

  private receive(message: Message): void {
    const job = typeof message.id === 'number' ? this.jobs.get(message.id) : undefined;
    if (message.event === 'killed') {
      for (const resolve of this.killWaiters.splice(0)) resolve();
    } else if (message.event === 'out' && job && (message.fd === 1 || message.fd === 2)) {
      const text = typeof message.data === 'string' ? message.data : '';
      for (const listener of job.listeners) listener(message.fd, text);
    } else if (message.event === 'exit' && job && typeof message.id === 'number') {
      this.jobs.delete(message.id);
      job.resolve({
        code: typeof message.code === 'number' ? message.code : null,
        signal: typeof message.signal === 'string' ? (message.signal as NodeJS.Signals) : null,
      });
    } else if (message.event === 'error' && job && typeof message.id === 'number') {
      this.jobs.delete(message.id);
      for (const listener of job.listeners) listener(2, `${String(message.message)}\n`);
      job.resolve({ code: 1, signal: null });
    }
  }

  /** Forks a child running `command` in `/preview/<cwd>` with exactly `env` as its environment. */
  run(command: ForkCommand, env: Record<string, string>, cwd = 'app', hold: HoldOptions = {}): ForkChild {
    const id = this.nextId++;
    let resolveExit = (_: ForkExit) => {};
    const done = new Promise<ForkExit>((resolve) => {
      resolveExit = resolve;
    });
    const job: Job = {
      listeners: [],
      resolve: (exit) => {
        job.exit = exit;
        resolveExit(exit);
      },
    };
    if (!this.alive()) job.resolve({ code: null, signal: this.exitedWith?.signal ?? 'SIGKILL' });
    else {
      this.jobs.set(id, job);
      this.send({ op: 'run', id, ...command, ...hold, env, cwd: `${INNER_ROOT}/${cwd}` });
    }
    return {
      done,
      hasExited: () => job.exit !== undefined,
      onOutput: (listener) => job.listeners.push(listener),
      release: () => {
        if (this.alive()) this.send({ op: 'go', id });
      },
    };
  }

  /** Kills every process of the sandbox but the server (the app, whatever it forked) and empties /preview/tmp. */
  killAll(): Promise<void> {
    if (!this.alive()) return Promise.resolve();
    const gone = new Promise<void>((resolve) => this.killWaiters.push(resolve));
    this.send({ op: 'kill' });
    return gone;
  }

  /** Ends the whole sandbox and waits for it to be gone. */
  async close(): Promise<void> {
    if (!this.alive()) return;
    const gone = new Promise<void>((resolve) => this.onExit(() => resolve()));
    killGroup(this.process);
    await gone;
  }

  /** Synchronous kill of the sandbox, for `process.on('exit')`. */
  closeNow(): void {
    killGroup(this.process);
  }

  private send(message: object): void {
    this.process.stdin?.write(`${JSON.stringify(message)}\n`);
  }
}

type Message = {
  event?: unknown;
  id?: unknown;
  fd?: unknown;
  data?: unknown;
  code?: unknown;
  signal?: unknown;
  message?: unknown;
};

function parse(line: string): Message | null {
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === 'object' ? (value as Message) : null;
  } catch {
    return null;
  }
}

/**
 * The previews of one app-server process: at most one per workspace, at most `perUser` per person who started
 * them (their own least recently used one is stopped to make room) and at most `max` in all. A full server
 * refuses a new preview (`PreviewsBusy`) rather than stop someone else's; idle previews (no request for
 * `idleSeconds`) are stopped whoever owns them, and all are killed when the server exits.
 * Previews are per app-server process: with several server processes, each has its own previews.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDiskFull } from '@/lib/db/errors';
import type { Design } from '@/lib/design';
import type { DesignVersion, Diagnostic } from '@/lib/generator';
import type { UserCode, UserCodeProblem } from '@/lib/generator/user-code/types';
import { runJob } from '@/lib/jobs/pool';
import type { DesignProblemJson, Refusal as JobRefusal } from '@/lib/jobs/types';
import { checkProject } from '../project-checks';
import { checksFolder, hasUserWrittenCode } from '../workspace-checks';
import { type Availability, checkAvailability, type Runtime, unavailableMessage } from './availability';
import { cgroupLayout } from './cgroup';
import {
  mountQuotaDisk,
  quotaDiskSupport,
  sweepStaleDisks,
  unmountQuotaDisk,
  unmountQuotaDiskNow,
} from './disk';
import { baseUrlOf, type EndEvent, type PreviewStatus, type StepEvent, type StepName } from './events';
import type { ForkChild, Forkserver } from './forkserver';
import {
  Aborted,
  holdServer,
  migrate,
  type PreviewPaths,
  previewPaths,
  removePreviewFolder,
  type SandboxContext,
  secretKeyOf,
  waitReady,
  writeProject,
} from './project';
import { DEFAULT_LIMITS, type Limits, limitsFromEnv } from './sandbox';
import { SpareSandbox, startPreviewSandbox } from './spare';
import { parseTracebacks, type Traceback } from './tracebacks';

export type ManagerOptions = {
  /** Folder of the preview folders (`<FASTDRAFT_DATA_DIR>/previews`). */
  previewsDir: string;
  idleSeconds: number;
  /** Previews running (or starting) at once on this server, all users together. */
  max: number;
  /** Previews running (or starting) at once per user. */
  perUser: number;
  limits: Limits;
  readyTimeoutMs: number;
  /** Runs `checkProject` on the generated files (the `check` step). */
  check: boolean;
  availability: () => Promise<Availability>;
  /** Keeps a sandbox started ahead of demand for the next new preview (`spare.ts`). */
  spare: boolean;
  /** Puts each preview on a quota disk (`disk.ts`); by default whenever this host can mount one. */
  quotaDisks?: boolean;
};

type Run = { abort: AbortController; done: Promise<EndEvent>; reason?: string };

export type StartOptions = {
  /** Who starts it: the preview counts against this user's quota. */
  userId: string;
  resetData?: boolean;
  /** The workspace's committed versions: the project's migrations follow them (revision chain + pending). */
  history?: readonly DesignVersion[];
  /** The user's own files: materialised with the generated project (and checked with it). */
  userCode?: UserCode;
  onStep?: (event: StepEvent) => void;
};

type Entry = {
  id: string;
  /** The user whose quota the preview counts against (the last one who started it). */
  userId?: string;
  paths: PreviewPaths;
  secretKey: string;
  state: 'stopped' | 'starting' | 'running' | 'failed';
  error?: string;
  startedAt?: Date;
  lastActivity: number;
  /** The preview's sandbox: its warm interpreter, started once and kept while the preview is. */
  sandbox?: Forkserver;
  /** The app once it answers on its socket. */
  serving?: ForkChild;
  /** The quota disk's mount in progress. */
  mounting?: Promise<void>;
  /** The app (uvicorn), a child of the sandbox's interpreter. */
  child?: ForkChild;
  output: string;
  run?: Run;
};

class StepFailed extends Error {}

/** A step that failed on the design's problems (they are shown in the Try-it view). */
function problemsFailure(problems: DesignProblemJson[]): Error {
  const shown = problems.map(({ elementId, ...rest }) => ({ ...rest, ...(elementId ? { elementId } : {}) }));
  return new StepFailedWith(`the design has ${problems.length} problem(s)`, { problems: shown });
}

/** Conflict markers left in user files: listed with file and line (each opens the file in the Code view). */
function conflictFailure(problems: UserCodeProblem[]): Error {
  const conflicts = problems.filter((p) => p.code === 'merge-conflict');
  const diagnostics = conflicts.map((p) => ({
    file: p.path,
    line: Math.max(1, p.line),
    column: 1,
    rule: p.code,
    message: p.message,
    severity: 'error' as const,
  }));
  return new StepFailedWith(
    `your code has ${conflicts.length} merge conflict(s): resolve them in the Code view (keep what you need, delete the markers)`,
    { diagnostics },
  );
}

/** The job's answer; a design the worker could not load (the caller loaded it already: not expected) fails. */
function refusedOr<T>(result: T | JobRefusal): T {
  if (result && typeof result === 'object' && 'refused' in result)
    throw new Error(`the design does not load: ${result.issues[0]?.path} ${result.issues[0]?.message}`);
  return result as T;
}

/** What `admit` says when a preview may not start now. */
export type Refusal = { code: 'previews_busy'; message: string; retryAfterSeconds: number };

export const BUSY_RETRY_SECONDS = 30;

/** Server output kept per preview: enough for the last few tracebacks and the reason of a failed start. */
const OUTPUT_KEPT = 64 * 1024;

export class PreviewManager {
  readonly options: ManagerOptions;
  private readonly entries = new Map<string, Entry>();
  private availabilityCache?: { at: number; value: Availability };
  private availabilityCheck?: Promise<Availability>;
  private sweeper?: NodeJS.Timeout;
  private readonly quotaDisks: boolean;
  private readonly spare?: SpareSandbox;

  constructor(options: Partial<ManagerOptions> & { previewsDir: string }) {
    this.options = {
      idleSeconds: 900,
      max: 4,
      perUser: 2,
      limits: DEFAULT_LIMITS,
      readyTimeoutMs: 30_000,
      check: true,
      availability: () => checkAvailability(),
      spare: false,
      ...options,
    };
    this.quotaDisks = (this.options.quotaDisks ?? true) && quotaDiskSupport() === null;
    // Mounts of servers that were killed with their previews running.
    if (this.quotaDisks) sweepStaleDisks();
    this.spare = this.options.spare
      ? new SpareSandbox({
          previewsDir: this.options.previewsDir,
          limits: this.options.limits,
          pathsOf: (name) => this.pathsOf(name),
        })
      : undefined;
  }

  /** Starts the spare sandbox when there is none and previews can run here (the warm-up asks, and each start's end). */
  async fillSpare(): Promise<void> {
    if (!this.spare) return;
    const available = await this.availability();
    if (available.ok) this.spare.fill(available.runtime);
  }

  /** Where a workspace's preview lives (on a quota disk when this host can mount one). */
  pathsOf(id: string): PreviewPaths {
    return previewPaths(this.options.previewsDir, id, this.quotaDisks);
  }

  /**
   * Availability, cached. A yes is answered at once and checked again in the background once a minute (the check
   * starts a sandboxed interpreter, ~1 s: a start or a restart must not wait for it); a no is kept a few seconds,
   * so a fix is seen soon. Callers at the same time share one check.
   */
  async availability(): Promise<Availability> {
    const cached = this.availabilityCache;
    const age = cached ? Date.now() - cached.at : Number.POSITIVE_INFINITY;
    if (cached?.value.ok) {
      if (age >= 60_000) void this.recheckAvailability().catch(() => undefined);
      return cached.value;
    }
    if (cached && age < 5_000) return cached.value;
    return this.recheckAvailability();
  }

  private recheckAvailability(): Promise<Availability> {
    this.availabilityCheck ??= this.options
      .availability()
      .then((value) => {
        this.availabilityCache = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        this.availabilityCheck = undefined;
      });
    return this.availabilityCheck;
  }

  async status(id: string): Promise<PreviewStatus> {
    const entry = this.entries.get(id);
    if (entry?.run) return { state: 'starting' };
    if (entry?.state === 'running' && entry.startedAt)
      return { state: 'running', startedAt: entry.startedAt.toISOString(), baseUrl: baseUrlOf(id) };
    if (entry?.state === 'failed') return { state: 'failed', error: entry.error ?? 'The preview failed.' };
    const available = await this.availability();
    if (!available.ok) return { state: 'unavailable', missing: available.missing, howTo: available.howTo };
    return { state: 'stopped' };
  }

  /** The socket of a running preview, marking it as used; null when it is not running. */
  socketFor(id: string): string | null {
    const entry = this.entries.get(id);
    // The app that answered `waitReady` (a new one forked during a restart is not serving yet).
    if (!entry?.serving || entry.serving !== entry.child || entry.state !== 'running') return null;
    entry.lastActivity = Date.now();
    return entry.paths.socket;
  }

  /** Unhandled exceptions the running (or failed) app logged since its last start, newest last. */
  tracebacks(id: string): Traceback[] {
    const entry = this.entries.get(id);
    return entry ? parseTracebacks(entry.output) : [];
  }

  /** Counts as activity for the idle timer. */
  touch(id: string): void {
    const entry = this.entries.get(id);
    if (entry) entry.lastActivity = Date.now();
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = {
        id,
        paths: this.pathsOf(id),
        // Kept with the data (restarts, stops, server restarts) so tokens issued by the app stay valid.
        secretKey: '',
        state: 'stopped',
        lastActivity: Date.now(),
        output: '',
      };
      this.entries.set(id, entry);
    }
    return entry;
  }

  /**
   * Validates, generates, checks, migrates and starts the preview of `design`, reporting each step. A start of
   * the same workspace supersedes this one (it ends with `superseded`).
   */
  async start(id: string, design: Design, options: StartOptions): Promise<EndEvent> {
    // Admission and the claim on a slot happen together, before any await: two starts cannot both take the last one.
    const plan = this.plan(id, options.userId);
    if (!('stop' in plan)) return { ok: false, error: plan.message };
    for (const own of plan.stop) void this.stop(own.id, 'stopped to make room for your newer preview');
    const entry = this.entry(id);
    const previous = entry.run;
    const run: Run = { abort: new AbortController(), done: Promise.resolve({ ok: false }) };
    // The newest start owns the entry at once; it begins when the one it supersedes has let go.
    entry.run = run;
    entry.userId = options.userId;
    if (previous) {
      previous.reason = 'superseded';
      previous.abort.abort();
    }
    run.done = (async () => {
      if (previous) await previous.done.catch(() => undefined);
      const available = await this.availability();
      if (!available.ok) {
        if (entry.run === run) entry.run = undefined;
        return { ok: false, error: unavailableMessage(available) };
      }
      return this.execute(entry, run, available.runtime, design, options);
    })();
    entry.lastActivity = Date.now();
    this.ensureSweeper();
    return run.done;
  }

  private async execute(
    entry: Entry,
    run: Run,
    runtime: Extract<Availability, { ok: true }>['runtime'],
    design: Design,
    options: StartOptions,
  ): Promise<EndEvent> {
    const signal = run.abort.signal;
    const emit = (event: StepEvent) => {
      if (!signal.aborted) options.onStep?.(event);
    };
    const step = async <T>(
      name: StepName,
      fn: () => Promise<{ value: T; extra?: Partial<StepEvent> }>,
    ): Promise<T> => {
      if (signal.aborted) throw new Aborted('aborted');
      emit({ step: name, status: 'running' });
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const { value, extra } = await fn();
        emit({ step: name, status: 'done', ms: ms(), ...extra });
        return value;
      } catch (error) {
        if (error instanceof Aborted || signal.aborted) throw new Aborted('aborted');
        const extra = error instanceof StepFailedWith ? error.extra : {};
        emit({ step: name, status: 'failed', ms: ms(), message: messageOf(error), ...extra });
        throw new StepFailed(`${name}: ${messageOf(error)}`);
      }
    };
    // Validation, generation and checks run in the worker pool (lib/jobs), counted against the person who
    // starts the preview, so a big design's preview never stalls other requests; a superseded start cancels its job.
    const job = { owner: options.userId, signal };
    const resetData = options.resetData ?? false;
    let prepared: Promise<SandboxContext> | undefined;
    // A workspace's first preview takes over the spare sandbox when there is one (its folder becomes theirs);
    // claimed now, ready (or not) while the design is validated.
    const taken = !resetData && !entry.sandbox && !entry.mounting ? this.takeSpare(entry) : Promise.resolve();
    // The sandbox (mounting the quota disk, starting the warm interpreter) gets ready while the design is
    // validated, generated and checked. A reset empties the folder first, so its sandbox starts after that.
    const sandboxReady = resetData ? null : taken.then(() => this.ensureSandbox(entry, runtime, false));
    sandboxReady?.catch(() => undefined);
    const input = {
      design,
      ...(options.history ? { history: options.history } : {}),
      ...(options.userCode ? { userCode: options.userCode } : {}),
    };
    try {
      await step('validate', async () => {
        const result = refusedOr(await runJob('validate', input, job));
        if (result.problems.length > 0) throw problemsFailure(result.problems);
        return { value: undefined, extra: { message: 'no problems' } };
      });
      const { files, schema } = await step('generate', async () => {
        const result = refusedOr(await runJob('files', input, job));
        if (!result.ok) throw problemsFailure(result.problems);
        if (result.blocked) throw conflictFailure(result.userCodeProblems ?? []);
        // One job after the other: a person has two at once, and the Code view may hold the other.
        const schema = refusedOr(await runJob('carrySchema', input, job));
        return {
          value: { files: result.files, schema },
          extra: { message: `${Object.keys(result.files).length} files` },
        };
      });
      // The checks' findings never block the start, so they run beside it: the old app is stopped, the new code
      // written and the new app forked (importing itself), migrated and started while the code is checked (mypy
      // on the user's code takes a while). Ready waits for both, so the findings are shown before the app is.
      prepared = this.prepare(entry, runtime, files, resetData, sandboxReady, taken);
      prepared.catch(() => undefined);
      const checked = step('check', async () => {
        if (!this.options.check) return { value: undefined, extra: { message: 'skipped' } };
        const diagnostics = await runJob('check', { files }, job);
        // The user's own code is also type-checked (mypy only: pytest takes too long before every restart);
        // without any, the generated project passes mypy by construction and the step stays as fast as before.
        const typed = hasUserWrittenCode(options.userCode)
          ? await this.typeCheck(entry.id, files, runtime, signal)
          : null;
        if (typed) diagnostics.push(...typed.diagnostics);
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        return {
          value: undefined,
          extra: {
            message: `${errors} error(s), ${diagnostics.length - errors} warning(s)${typed ? `; mypy: ${typed.summary}` : ''}`,
            diagnostics,
          },
        };
      });
      checked.catch(() => undefined);
      const ready = prepared;
      const serving = (async () => {
        let server: ForkChild | undefined;
        await step('migrate', async () => {
          const ctx = await ready;
          const fresh = ctx.forkserver.freshKey;
          const { message, data } = await migrate(ctx, { resetData, signal, files, schema });
          server = entry.child;
          // Rows were lost: tokens issued before name users that may be gone (or whose ids are taken again). A
          // key made for this start (a new or reset database) was never used. The app is forked again with it.
          if (data.outcome !== 'kept' && !fresh) {
            await this.closeSandbox(entry);
            ctx.forkserver = await this.ensureSandbox(entry, runtime, true);
            ctx.secretKey = entry.secretKey;
            server = this.hold(entry, ctx);
          }
          return { value: undefined, extra: { message, data } };
        });
        await step('start', async () => {
          const child = server;
          if (!child || entry.child !== child) throw new Error('the app was not started');
          void child.done.then(({ code, signal: sig }) => this.exited(entry, child, code, sig));
          child.release();
          await waitReady(child, entry.paths.socket, {
            timeoutMs: this.options.readyTimeoutMs,
            signal,
            output: () => entry.output,
          });
          entry.serving = child;
          return { value: undefined, extra: { message: 'uvicorn is serving' } };
        });
      })();
      serving.catch(() => undefined);
      // Both end before the start does (no step event after its end): an app that failed to start still shows
      // the checks' findings, often its cause. The app's failure is the one reported when both failed.
      await Promise.allSettled([checked, serving]);
      await serving;
      await checked;
      await step('ready', async () => ({ value: undefined, extra: { message: baseUrlOf(entry.id) } }));
      entry.state = 'running';
      entry.startedAt = new Date();
      entry.error = undefined;
      entry.lastActivity = Date.now();
      return { ok: true, baseUrl: baseUrlOf(entry.id) };
    } catch (error) {
      if (error instanceof Aborted || signal.aborted) return { ok: false, error: run.reason ?? 'stopped' };
      await this.kill(entry);
      // A failed preview holds nothing (its sandbox included): the next start is a cold one.
      await this.closeSandbox(entry);
      entry.state = 'failed';
      entry.error = messageOf(error);
      return { ok: false, error: entry.error };
    } finally {
      // An aborted start may still be mounting, starting the sandbox or writing the project: the next waits.
      await sandboxReady?.catch(() => undefined);
      await prepared?.catch(() => undefined);
      if (entry.run === run) entry.run = undefined;
      // The next spare starts once this start is over, not beside it.
      void this.fillSpare();
    }
  }

  /** Hands the spare sandbox to `entry` when it has nothing on disk yet. */
  private async takeSpare(entry: Entry): Promise<void> {
    const taken = await this.spare?.take(entry.paths).catch((error: unknown) => {
      console.error('[preview] the spare sandbox could not be taken over:', error);
      return null;
    });
    if (!taken) return;
    entry.paths = taken.paths;
    entry.sandbox = taken.sandbox;
  }

  /**
   * Stops the old app, writes the new code (emptying the folder first on a reset, with a new sandbox) and forks
   * the new app, held until the database is ready.
   */
  private async prepare(
    entry: Entry,
    runtime: Runtime,
    files: Record<string, string>,
    resetData: boolean,
    sandboxReady: Promise<Forkserver> | null,
    taken: Promise<void>,
  ): Promise<SandboxContext> {
    // The spare's folder must be the workspace's before anything is written to it.
    await taken;
    // The old app holds the database: stop it before its rows are copied.
    await this.kill(entry);
    let sandbox: Forkserver | null = null;
    if (resetData) {
      // The folder is emptied under the sandbox's feet: a new sandbox (with a fresh /preview/tmp) after it.
      await this.closeSandbox(entry);
      await this.mountDisk(entry);
      await writeProject(entry.paths, files, { resetData: true });
      sandbox = await this.ensureSandbox(entry, runtime, true);
    } else {
      await this.mountDisk(entry);
      await writeProject(entry.paths, files);
      sandbox = sandboxReady ? await sandboxReady : null;
      // Gone meanwhile (its interpreter was killed from inside): a new one.
      if (!sandbox?.alive()) sandbox = await this.ensureSandbox(entry, runtime, false);
    }
    const ctx: SandboxContext = {
      runtime,
      paths: entry.paths,
      limits: this.options.limits,
      secretKey: entry.secretKey,
      forkserver: sandbox,
    };
    this.hold(entry, ctx);
    return ctx;
  }

  /** Forks the app, held (`holdServer`): the entry's child from now on, its output collected. */
  private hold(entry: Entry, ctx: SandboxContext): ForkChild {
    entry.output = '';
    const child = holdServer(ctx);
    entry.child = child;
    child.onOutput((_, text) => {
      entry.output = (entry.output + text).slice(-OUTPUT_KEPT);
    });
    return child;
  }

  /** mypy --strict in the sandbox, with the workspace's kept cache; its findings do not block the start. */
  private async typeCheck(
    id: string,
    files: Record<string, string>,
    runtime: Runtime,
    signal: AbortSignal,
  ): Promise<{ summary: string; diagnostics: Diagnostic[] }> {
    let checked: Awaited<ReturnType<typeof checkProject>>;
    try {
      checked = await checkProject(files, runtime, {
        tools: ['mypy'],
        workDir: checksFolder(id, 'try-it', path.dirname(this.options.previewsDir)),
        limits: this.options.limits,
        signal,
      });
    } catch (error) {
      // Type-checking informs, it never blocks: a sandbox that could not run mypy leaves the start to go on.
      if (signal.aborted) throw new Aborted('aborted');
      return { summary: `could not run (${messageOf(error)})`, diagnostics: [] };
    }
    const mypy = checked.tools[0];
    return {
      summary: mypy?.ok ? 'passed' : `${mypy?.findings.length ?? 0} finding(s)`,
      diagnostics: (mypy?.findings ?? []).map((f) => ({
        file: f.file,
        line: Math.max(1, f.line),
        column: 1,
        rule: 'mypy',
        message: f.message,
        severity: 'error' as const,
      })),
    };
  }

  /** Mounts the preview's quota disk (one mount at a time: callers share one in progress). */
  private mountDisk(entry: Entry): Promise<void> {
    if (!entry.paths.quotaDisk) return Promise.resolve();
    entry.mounting ??= mountQuotaDisk(
      entry.paths.root,
      entry.paths.disk,
      this.options.limits.diskBytes,
      entry.paths.legacy,
    ).finally(() => {
      entry.mounting = undefined;
    });
    return entry.mounting;
  }

  /**
   * The preview's sandbox, started when there is none (or its interpreter is gone, or holds another secret): the
   * quota disk mounted, the folders made, the secret key read (a new one when `renew`, or when there is no
   * database yet) and the interpreter's imports done.
   */
  private async ensureSandbox(entry: Entry, runtime: Runtime, renew: boolean): Promise<Forkserver> {
    await this.mountDisk(entry);
    const { paths } = entry;
    const noData = !existsSync(paths.db);
    const current = entry.sandbox;
    // A sandbox whose key no app has used yet (no database since) keeps it: a superseded first start's.
    const unused = !renew && noData && current?.freshKey === true;
    const key = unused && current ? current.env.SECRET_KEY : secretKeyOf(paths, renew || noData);
    if (unused && key) writeFileSync(path.join(paths.data, 'secret.key'), key, { mode: 0o600 });
    entry.secretKey = key ?? '';
    if (current?.alive() && key && current.env.SECRET_KEY === key) {
      current.freshKey = noData || renew;
      await current.ready;
      return current;
    }
    const fresh = renew || noData;
    await this.closeSandbox(entry);
    const sandbox = startPreviewSandbox(paths, runtime, this.options.limits, entry.secretKey);
    sandbox.freshKey = fresh;
    entry.sandbox = sandbox;
    await sandbox.ready;
    return sandbox;
  }

  /** Ends the preview's sandbox (every process in it). */
  private async closeSandbox(entry: Entry): Promise<void> {
    const sandbox = entry.sandbox;
    entry.sandbox = undefined;
    entry.child = undefined;
    await sandbox?.close();
  }

  private exited(entry: Entry, child: ForkChild, code: number | null, signal: NodeJS.Signals | null) {
    if (entry.child !== child) return;
    entry.child = undefined;
    if (entry.state !== 'running') return;
    entry.state = 'failed';
    const why =
      signal === 'SIGXCPU'
        ? 'it used up its CPU time limit'
        : signal
          ? `it was killed (${signal})`
          : `exit code ${code}`;
    const tail = entry.output.trim().split('\n').slice(-8).join('\n');
    entry.error = `The app stopped: ${why}.${tail ? `\n${tail}` : ''}`;
    // Like a failed start, a stopped app holds nothing; a start in progress uses the sandbox itself.
    if (!entry.run) void this.closeSandbox(entry);
  }

  /**
   * Kills the app of an entry, and whatever it forked, and waits for them to be gone; the sandbox stays. A
   * sandbox that does not answer within a few seconds is ended instead.
   */
  private async kill(entry: Entry): Promise<void> {
    const child = entry.child;
    entry.child = undefined;
    const sandbox = entry.sandbox;
    if (sandbox?.alive()) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), 5_000);
      });
      if ((await Promise.race([sandbox.killAll(), late])) === 'late') await this.closeSandbox(entry);
      clearTimeout(timer);
    }
    if (child) await child.done;
    rmSync(entry.paths.socket, { force: true });
  }

  /** Stops a workspace's preview (a start in progress included). Its folder and data stay. */
  async stop(id: string, reason = 'stopped'): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.run) {
      entry.run.reason = reason;
      entry.run.abort.abort();
      await entry.run.done.catch(() => undefined);
    }
    // Stopped from here on for `status` and the idle sweeper, while the app and then the sandbox go (closing a
    // sandbox can take a while under load: `active()` no longer lists it, so neither may `status`).
    if (!entry.run) entry.state = 'stopped';
    await this.kill(entry);
    // A newer start has taken the preview meanwhile: it is that start's now.
    if (entry.run) return;
    await this.closeSandbox(entry);
    if (entry.run) return;
    this.entries.delete(id);
    // The quota disk lets go of its loop device; its data stays in the image.
    if (entry.paths.quotaDisk) await unmountQuotaDisk(entry.paths.root).catch(() => undefined);
  }

  /** Stops the preview and deletes its folder (data included). */
  async remove(id: string): Promise<void> {
    await this.stop(id);
    await removePreviewFolder(this.pathsOf(id));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.stop(id)));
    await this.spare?.close();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /** Synchronous kill of every process, for `process.on('exit')`. */
  killAllNow(): void {
    this.spare?.closeNow();
    for (const entry of this.entries.values()) {
      entry.run?.abort.abort();
      entry.sandbox?.closeNow();
      if (entry.paths.quotaDisk) unmountQuotaDiskNow(entry.paths.root);
    }
  }

  /** Previews other than `id` with a live process or a start in progress, least recently used first. */
  private activeOthers(id: string): Entry[] {
    return [...this.entries.values()]
      .filter((e) => e.id !== id && (e.child || e.run || e.sandbox))
      .sort((a, b) => a.lastActivity - b.lastActivity);
  }

  /**
   * What starting (or restarting) the preview of `id` for `userId` takes: the user's own least recently used
   * previews to stop (beyond their quota, or to stay under `max`), or a refusal when only other users' previews
   * could make room. A restart of an active preview needs no new slot on the server.
   */
  private plan(id: string, userId: string): { stop: Entry[] } | Refusal {
    const others = this.activeOthers(id);
    const own = others.filter((e) => e.userId === userId);
    const existing = this.entries.get(id);
    const restart = Boolean(existing && (existing.child || existing.run || existing.sandbox));
    const overQuota = own.length - (this.options.perUser - 1);
    const overServer = restart ? 0 : others.length - (this.options.max - 1);
    const stop = Math.max(0, overQuota, overServer);
    if (stop <= own.length) return { stop: own.slice(0, stop) };
    return {
      code: 'previews_busy',
      message: `Previews are busy: this server already runs its maximum of ${this.options.max}. Try again in a minute.`,
      retryAfterSeconds: BUSY_RETRY_SECONDS,
    };
  }

  /** Null when `userId` may start the preview of `id` now (perhaps stopping some of their own), else why not. */
  admit(id: string, userId: string): Refusal | null {
    const plan = this.plan(id, userId);
    return 'stop' in plan ? null : plan;
  }

  private ensureSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(
      () => {
        const now = Date.now();
        const idleMs = this.options.idleSeconds * 1000;
        for (const entry of this.entries.values()) {
          if (!entry.run && entry.state === 'running' && now - entry.lastActivity > idleMs)
            void this.stop(entry.id);
        }
      },
      Math.min(Math.max((this.options.idleSeconds * 1000) / 4, 250), 15_000),
    );
    this.sweeper.unref();
  }

  /** Workspaces with a live process or a start in progress. */
  active(): string[] {
    return [...this.entries.values()].filter((e) => e.child || e.run || e.sandbox).map((e) => e.id);
  }
}

class StepFailedWith extends Error {
  constructor(
    message: string,
    readonly extra: Partial<StepEvent>,
  ) {
    super(message);
  }
}

/** A failed step's message; a full disk (the preview's quota disk or the server's) says so in words. */
export function messageOf(error: unknown): string {
  if (isDiskFull(error))
    return "out of disk space: the preview's disk quota or the server's disk is full (reset the data, or try later)";
  return error instanceof Error ? error.message : String(error);
}

const positiveInt = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Says in the server log which sandbox limits this host cannot enforce (README: live preview). */
async function warnWhenDegraded(): Promise<void> {
  const groups = cgroupLayout();
  if (groups.version === null)
    console.warn(
      `[preview] no control group for previews (${groups.reason}): the process limit is RLIMIT_NPROC only${process.getuid?.() === 0 ? ', which does not bind root' : ''}.`,
    );
  const disk = quotaDiskSupport();
  if (disk) console.warn(`[preview] no disk quota for previews (${disk}): files are bounded per file only.`);
}

const GLOBAL_KEY = Symbol.for('fastdraft.previewManager');
type WithManager = typeof globalThis & { [GLOBAL_KEY]?: PreviewManager };

/**
 * The server process's manager, on `globalThis` so Next's module reloading shares one. Previews are per
 * app-server process. `PREVIEW_IDLE_SECONDS` (default 900), `PREVIEW_MAX` (default 4, all users) and
 * `PREVIEW_MAX_PER_USER` (default 2) configure it.
 */
export function previewManager(dataDir = process.env.FASTDRAFT_DATA_DIR || '.data'): PreviewManager {
  const g = globalThis as WithManager;
  let manager = g[GLOBAL_KEY];
  if (!manager) {
    const created = new PreviewManager({
      previewsDir: path.resolve(dataDir, 'previews'),
      idleSeconds: positiveInt(process.env.PREVIEW_IDLE_SECONDS, 900),
      limits: limitsFromEnv(),
      max: positiveInt(process.env.PREVIEW_MAX, 4),
      perUser: positiveInt(process.env.PREVIEW_MAX_PER_USER, 2),
      spare: process.env.PREVIEW_SPARE !== '0',
    });
    // `--die-with-parent` covers a killed server; this covers a normal exit.
    process.once('exit', () => created.killAllNow());
    void warnWhenDegraded();
    g[GLOBAL_KEY] = created;
    manager = created;
  }
  return manager;
}

/** The manager if this process made one (no preview runs before it exists): what the fast path asks. */
export function existingPreviewManager(): PreviewManager | undefined {
  return (globalThis as WithManager)[GLOBAL_KEY];
}

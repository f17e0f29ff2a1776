import 'server-only';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ApiError } from '@/lib/api/errors';
import { lendHelpers } from './helpers';
import type { JobInputs, JobName, JobPort, JobResults } from './types';

/**
 * The worker pool that runs generation, checks and export (lib/jobs/worker.ts) off the event loop, so one
 * person's 1,000-entity design never stalls everyone else's requests. Threads: one per core but one (the
 * main thread keeps a core), at least one. Admission: at most JOBS_PER_PERSON running or queued per person
 * (429 beyond), at most MAX_QUEUED waiting in all (503 beyond), each stopped after JOB_TIMEOUT_MS.
 * A job that checks files spreads them over helper threads of a pool of their own (lib/jobs/helpers.ts),
 * lent only when idle: they count against no one's limit and never wait in this pool's queue.
 */
export const THREADS = Math.max(1, os.availableParallelism() - 1);
export const JOBS_PER_PERSON = 2;
export const MAX_QUEUED = THREADS * 8;
export const JOB_TIMEOUT_MS = 120_000;

type Bundle = { file: string; inputs: string[] };
type State = { pool: Piscina | undefined; active: Map<string, number> };

// On globalThis: `next dev` re-evaluates modules, and there must stay one pool and one count per process.
const KEY = Symbol.for('fastdraft.jobs');
const globals = globalThis as typeof globalThis & { [KEY]?: State };
globals[KEY] ??= { pool: undefined, active: new Map() };
const state: State = globals[KEY];

const bundleDir = () => path.join(process.cwd(), 'dist/workers');

function readBundle(): Bundle | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(bundleDir(), 'current.json'), 'utf8')) as Bundle;
  } catch {
    return null;
  }
}

function isStale(bundle: Bundle): boolean {
  const built = fs.statSync(bundle.file).mtimeMs;
  return bundle.inputs.some((input) => {
    try {
      return fs.statSync(input).mtimeMs > built;
    } catch {
      return true; // a source was removed or renamed
    }
  });
}

/**
 * The bundled worker: the one `npm run build` made; built on demand when missing, and in development and
 * tests also when one of its sources changed since (a rebuilt bundle has a new name, so threads load it).
 */
function workerFile(): string {
  const bundle = readBundle();
  const fresh =
    bundle !== null &&
    fs.existsSync(bundle.file) &&
    (process.env.NODE_ENV === 'production' || !isStale(bundle));
  if (fresh) return bundle.file;
  execFileSync(process.execPath, [path.join(process.cwd(), 'scripts/build-workers.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const built = readBundle();
  if (!built) throw new Error('scripts/build-workers.mjs did not write dist/workers/current.json');
  return built.file;
}

function pool(): Piscina {
  state.pool ??= new Piscina({
    maxThreads: THREADS,
    // One thread stays for the server's life: a new one pays first use again (its bundle, the JIT, and ruff's
    // WASM compiled anew once no thread holds it), ~3 s for the blog's next generation against ~0.1 s warm, which
    // a person would meet after every pause of ten minutes. Threads beyond it give their memory back when idle.
    minThreads: 1,
    idleTimeout: 10 * 60_000,
    // A runaway job fails in its own thread instead of taking the server's heap.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  return state.pool;
}

/** What each job does, for the message of one that ran out of time. */
const DOING: Record<JobName, string> = {
  generate: 'Generating this design',
  files: 'Generating this design',
  exportZip: 'Exporting this design',
  validate: 'Checking this design',
  check: 'Checking the project',
  carrySchema: 'Carrying the preview data to the new schema',
  import: 'Importing this file',
};

export type JobOptions = {
  /** Whose job it is: a user id, or `share:<address>` for a share-link holder. */
  owner: string;
  /** The request's signal: a closed connection stops its job. */
  signal?: AbortSignal;
};

/** Runs one job in the pool (see the module comment for admission and the time limit). */
export async function runJob<N extends JobName>(
  name: N,
  input: JobInputs[N],
  { owner, signal }: JobOptions,
): Promise<JobResults[N]> {
  const running = state.active.get(owner) ?? 0;
  if (running >= JOBS_PER_PERSON) {
    throw new ApiError(
      'rate_limited',
      `You already have ${JOBS_PER_PERSON} generations running; try again when one has finished.`,
      undefined,
      { retryAfterSeconds: 5 },
    );
  }
  const workers = pool();
  if (workers.queueSize >= MAX_QUEUED) {
    throw new ApiError(
      'unavailable',
      'The server is busy generating other projects; try again in a few seconds.',
      undefined,
      { retryAfterSeconds: 10 },
    );
  }
  const timeout = AbortSignal.timeout(JOB_TIMEOUT_MS);
  const stopped = signal ? AbortSignal.any([timeout, signal]) : timeout;
  // The job's line to the main thread: a job that checks files may borrow helper threads (lib/jobs/helpers.ts).
  const { port1, port2 } = new MessageChannel();
  lendHelpers(port1, workerFile, stopped);
  state.active.set(owner, running + 1);
  try {
    const task: JobInputs[N] & JobPort = { ...input, helpers: port2 };
    return (await workers.run(task, {
      filename: workerFile(),
      name,
      signal: stopped,
      transferList: [port2],
    })) as JobResults[N];
  } catch (error) {
    if (timeout.aborted) {
      throw new ApiError(
        'unavailable',
        `${DOING[name]} took longer than ${JOB_TIMEOUT_MS / 1000} s and was stopped.`,
      );
    }
    throw error;
  } finally {
    port1.close();
    const left = (state.active.get(owner) ?? 1) - 1;
    if (left > 0) state.active.set(owner, left);
    else state.active.delete(owner);
  }
}

/** Jobs running or queued now, per owner (tests and the bench look at it). */
export function activeJobs(owner: string): number {
  return state.active.get(owner) ?? 0;
}

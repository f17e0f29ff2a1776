import 'server-only';
import os from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { HelpMessage, HelpRequest, ShareResult, ShareTask } from './shared-checks';

/**
 * Helper threads that check files for a running job (lib/jobs/shared-checks.ts has the protocol). A pool of
 * their own, so they never count against a person's job limit or take a place in the jobs' queue, and a job
 * never waits for a helper to be scheduled: helpers are lent only when one is idle right now, and the job's
 * own thread checks whatever no helper claimed. As many threads as the job pool (one per core but one): on
 * two cores, a job's checks run on both while the request thread stays free (all at nice 10, see worker.ts).
 * `FASTDRAFT_CHECK_HELPERS` lowers it (0: every job checks on its own thread), read per job.
 */
export const HELPER_THREADS = Math.max(1, os.availableParallelism() - 1);

function helperLimit(): number {
  const set = Number.parseInt(process.env.FASTDRAFT_CHECK_HELPERS ?? '', 10);
  return Number.isInteger(set) && set >= 0 ? Math.min(set, HELPER_THREADS) : HELPER_THREADS;
}

const KEY = Symbol.for('fastdraft.jobs.helpers');
type State = { pool: Piscina | undefined; lent: number; posted: number; chunks: number };
const globals = globalThis as typeof globalThis & { [KEY]?: State };
globals[KEY] ??= { pool: undefined, lent: 0, posted: 0, chunks: 0 };
const state = globals[KEY];

function helperPool(): Piscina {
  state.pool ??= new Piscina({
    maxThreads: HELPER_THREADS,
    // Warm threads keep their WASM instances tiered up (a fresh one checks several times slower): one stays once
    // the first job has borrowed it, like the jobs' own (lib/jobs/pool.ts); the others give their memory back.
    minThreads: 1,
    idleTimeout: 10 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  return state.pool;
}

/** Helper tasks running now, posted and chunks checked by helpers since start (tests, the bench). */
export function helperStats(): { lent: number; posted: number; chunks: number } {
  return { lent: state.lent, posted: state.posted, chunks: state.chunks };
}

/**
 * Serves one job's port: each help request gets up to as many helpers as are idle (never queued behind
 * others), each helper's findings are passed on as it settles. A helper that failed
 * sends nothing for the chunk it failed on: the job checks it itself. When `stopped` fires (the job timed out
 * or its request is gone) the chunks left are marked claimed, so helpers finish the one they are on and
 * return: a helper thread is never terminated mid-task (a new one would start with cold WASM).
 */
export function lendHelpers(port: MessagePort, workerFile: () => string, stopped: AbortSignal): void {
  port.on('message', (request: HelpRequest) => {
    if (request.kind !== 'help') return;
    const exhaust = () => Atomics.store(new Int32Array(request.claims), 0, request.chunks);
    if (stopped.aborted) exhaust();
    else stopped.addEventListener('abort', exhaust, { once: true });
    const send = (message: HelpMessage) => {
      try {
        port.postMessage(message);
      } catch {
        // The job is over and its port closed: nothing is waiting for this.
      }
    };
    const idle = helperLimit() - state.lent;
    const count = Math.max(0, Math.min(idle, request.chunks - 1));
    const task: ShareTask = { files: request.files, claims: request.claims };
    const lend = async () => {
      state.lent++;
      state.posted++;
      try {
        const result = (await helperPool().run(task, {
          filename: workerFile(),
          name: 'checkShare',
        })) as ShareResult;
        state.chunks += result.chunks.length;
        if (result.chunks.length) send({ kind: 'checked', id: request.id, chunks: result.chunks });
      } catch {
        // Stopped or crashed: its claimed chunks stay unanswered and the job checks them.
      } finally {
        state.lent--;
      }
    };
    for (let i = 0; i < count; i++) void lend();
  });
}

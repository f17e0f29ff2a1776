import 'server-only';
import os from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ChunkResult, HelpMessage, HelpRequest, ShareTask } from './shared-checks';

/**
 * Helper threads that check files for a running job (lib/jobs/shared-checks.ts has the protocol). A pool of
 * their own, so they never count against a person's job limit or take a place in the jobs' queue, and a job
 * never waits for a helper to be scheduled: a request is lent the helpers idle now, and any that comes free
 * while chunks of it are still unclaimed; the job's own thread checks whatever no helper claimed. As many
 * threads as the job pool (one per core but one): on two cores, a job's checks run on both while the request
 * thread stays free (all at nice 10, see worker.ts).
 * `FASTDRAFT_CHECK_HELPERS` lowers it (0: every job checks on its own thread), read per job.
 */
export const HELPER_THREADS = Math.max(1, os.availableParallelism() - 1);

function helperLimit(): number {
  const set = Number.parseInt(process.env.FASTDRAFT_CHECK_HELPERS ?? '', 10);
  return Number.isInteger(set) && set >= 0 ? Math.min(set, HELPER_THREADS) : HELPER_THREADS;
}

const KEY = Symbol.for('fastdraft.jobs.helpers');
type State = { pool: Piscina | undefined; lent: number; posted: number; chunks: number; open: Open[] };
const globals = globalThis as typeof globalThis & { [KEY]?: State };
globals[KEY] ??= { pool: undefined, lent: 0, posted: 0, chunks: 0, open: [] };
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

/** A help request a helper may still take: chunks left unclaimed, its job still running. */
type Open = {
  request: HelpRequest;
  send: (message: HelpMessage) => void;
  workerFile: () => string;
  /** Helpers on it now. */
  lent: number;
  /** No chunk of it is left to claim (helpers finish the one they are on). */
  exhaust: () => void;
};

const unclaimed = ({ request }: Open) => Atomics.load(new Int32Array(request.claims), 0) < request.chunks;

/** One helper on `entry`: it answers chunk by chunk (its own channel, passed on), then takes the next request. */
async function lend(entry: Open): Promise<void> {
  const { request } = entry;
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (chunk: [number, ChunkResult]) => {
    state.chunks++;
    entry.send({ kind: 'checked', id: request.id, chunks: [chunk] });
  });
  // The helper closes its end when its task ends, after its last answer (which is passed on first).
  port1.on('close', () => port1.removeAllListeners());
  port1.unref();
  entry.lent++;
  state.lent++;
  state.posted++;
  try {
    const task: ShareTask = { files: request.files, claims: request.claims, answers: port2 };
    await helperPool().run(task, { filename: entry.workerFile(), name: 'checkShare', transferList: [port2] });
  } catch {
    // Stopped or crashed: its claimed chunks stay unanswered and the job checks them.
    port1.close();
  } finally {
    entry.lent--;
    state.lent--;
    pump();
  }
}

/**
 * Lends idle helpers to the open requests, oldest first (never more helpers to one request than it has chunks
 * but one: the job's own thread takes a chunk too). Requests with nothing left to claim are dropped.
 */
function pump(): void {
  const { open } = state;
  for (let i = open.length - 1; i >= 0; i--) if (!unclaimed(open[i] as Open)) open.splice(i, 1);
  for (const entry of open) {
    while (
      state.lent < helperLimit() &&
      entry.lent < Math.max(1, entry.request.chunks - 1) &&
      unclaimed(entry)
    )
      void lend(entry);
  }
}

/**
 * Serves one job's port: each help request is lent the helpers idle now and, while chunks of it are left
 * unclaimed, each helper that comes free (a request never waits for a helper: the job's own thread claims
 * chunks too). Each chunk a helper checks is passed on as it is done; a helper that failed sends nothing for
 * the chunk it failed on: the job checks it itself. When `stopped` fires (the job timed out or its request is
 * gone), or the job ends (the returned function), the chunks left are marked claimed, so helpers finish the
 * one they are on and return: a helper thread is never terminated mid-task (a new one would start with cold WASM).
 */
export function lendHelpers(port: MessagePort, workerFile: () => string, stopped: AbortSignal): () => void {
  const mine: Open[] = [];
  let ended = false;
  const end = () => {
    ended = true;
    for (const entry of mine) entry.exhaust();
    pump();
  };
  stopped.addEventListener('abort', end, { once: true });
  port.on('message', (request: HelpRequest) => {
    if (request.kind !== 'help') return;
    const entry: Open = {
      request,
      workerFile,
      lent: 0,
      exhaust: () => Atomics.store(new Int32Array(request.claims), 0, request.chunks),
      send: (message) => {
        try {
          port.postMessage(message);
        } catch {
          // The job is over and its port closed: nothing is waiting for this.
        }
      },
    };
    // A request still on its way when the job ended asks for nothing.
    if (ended || stopped.aborted) entry.exhaust();
    mine.push(entry);
    state.open.push(entry);
    pump();
  });
  return () => {
    stopped.removeEventListener('abort', end);
    end();
  };
}

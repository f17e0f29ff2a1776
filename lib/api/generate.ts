import 'server-only';
import { type Design, loadDesign } from '@/lib/design';
import { designExcess, LIMITS } from '@/lib/design/limits';
import type { DesignVersion, UserCode } from '@/lib/generator';
import { runJob } from '@/lib/jobs/pool';
import type { JobInput, JobName, JobResults, Refusal } from '@/lib/jobs/types';
import { ApiError } from './errors';

export const notADesign = (issues: { path: string; message: string }[]) =>
  new ApiError('validation_failed', 'The design is not a valid design document.', issues);

/**
 * 413 when a design is past LIMITS.designBytes; 422 with the schema's issues when it is nested past
 * LIMITS.designDepth. One iterative walk, before anything recursive (a structured clone to a worker,
 * JSON.stringify) could overflow the stack on it. Counts and lengths are the schema's 422s.
 */
export function assertDesignSize(design: unknown): void {
  const excess = designExcess(design);
  if (excess === 'size') {
    throw new ApiError(
      'payload_too_large',
      `The design is larger than ${LIMITS.designBytes / 2 ** 20} MiB of JSON; split it into smaller designs.`,
    );
  }
  if (excess === 'depth') {
    // The schema's bounded JSON values name the path without recursing into them.
    const loaded = loadDesign(design);
    throw notADesign(
      loaded.ok
        ? [{ path: '', message: `The design is nested deeper than ${LIMITS.designDepth} levels.` }]
        : loaded.issues,
    );
  }
}

/**
 * A stored design that no longer loads (one saved before the design limits that breaks them): a 422 naming its
 * issues, never a 500. The owner replaces it (a save with the current version, or restoring a version).
 */
export function storedDesignRefused(
  issues: { path: string; message: string }[],
  extra?: Record<string, unknown>,
): ApiError {
  return new ApiError(
    'validation_failed',
    'The stored design of this workspace breaks the design limits (it was saved before they applied): fix or ' +
      'remove what the issues name, or restore an earlier version.',
    issues,
    extra,
  );
}

/**
 * The design a request works on: the posted one (the editor's in-memory design), else the stored one. A posted
 * document that is too large is a 413; one that does not load, stored or posted, a 422 with its issues.
 */
export function requestDesign(stored: unknown, posted?: unknown): Design {
  if (posted !== undefined) assertDesignSize(posted);
  const loaded = loadDesign(posted ?? stored);
  if (loaded.ok) return loaded.design;
  if (posted === undefined) throw storedDesignRefused(loaded.issues);
  throw notADesign(loaded.issues);
}

export type DesignJob = {
  workspaceId: string;
  stored: unknown;
  posted?: unknown;
  history?: readonly DesignVersion[];
  /** The workspace's user files, merged into the project. */
  userCode?: UserCode;
  /** See `JobOptions.owner`. */
  owner: string;
  signal?: AbortSignal;
};

/**
 * Runs a job on the posted design (else the stored one) in the worker pool; loading, generation and checks
 * all happen there. A stored design saved before the limits existed may be past them: that is a 422 too
 * (the person can fix it in the editor), never a broken workspace.
 */
export async function designJob<N extends Exclude<JobName, 'check' | 'import'>>(
  name: N,
  job: DesignJob,
): Promise<Exclude<JobResults[N], Refusal>> {
  const design = job.posted ?? job.stored;
  assertDesignSize(design);
  const input: JobInput = {
    design,
    ...(job.history ? { history: job.history } : {}),
    ...(job.userCode ? { userCode: job.userCode } : {}),
  };
  const result = await runJob(name, input, { owner: job.owner, signal: job.signal });
  if (!(result instanceof Uint8Array) && 'refused' in result)
    throw job.posted === undefined ? storedDesignRefused(result.issues) : notADesign(result.issues);
  return result as Exclude<JobResults[N], Refusal>;
}

/**
 * Generates and checks the posted design (else the stored one; migrations follow `history` when given), for
 * the workspace and the share-link routes. The body is serialized in the worker: a JSON response as is.
 */
export async function generateResponse(job: DesignJob): Promise<Response> {
  const json = await designJob('generate', job);
  return new Response(json, {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

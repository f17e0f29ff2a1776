/**
 * The "Run checks" of a workspace (mypy --strict + pytest in the sandbox) and the preview's mypy step: where their
 * kept folders live and how many may run. Each run holds a sandbox for up to minutes of CPU, so a person runs one
 * at a time (429 beyond), a workspace one at a time (its kept folder is rewritten by the run), and the server
 * a few at once (503 beyond).
 */
import 'server-only';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '@/lib/api/errors';
import type { UserCode } from '@/lib/generator/user-code/types';

/** Kept per workspace under the data folder (never inside a project tree): `run` for Run checks, `try-it` for the preview. */
export function checksFolder(workspaceId: string, kind: 'run' | 'try-it', dataDir = dataFolder()): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`);
  return path.resolve(dataDir, 'checks', workspaceId, kind);
}

/** Removes a workspace's kept check folders (both kinds), for a deleted workspace. */
export async function removeChecksFolders(workspaceId: string, dataDir = dataFolder()): Promise<void> {
  await rm(path.dirname(checksFolder(workspaceId, 'run', dataDir)), { recursive: true, force: true });
}

/**
 * Whether the user wrote code of their own: a file that differs from the scaffold it came from (a created file's
 * base is ''). Untouched scaffolds raise 501 and were type-checked with the generator's golden files.
 */
export function hasUserWrittenCode(userCode: UserCode | undefined): boolean {
  return Object.values(userCode?.files ?? {}).some((f) => f.content !== f.base && f.content.trim() !== '');
}

const dataFolder = () => process.env.FASTDRAFT_DATA_DIR || '.data';

export const CHECKS_PER_SERVER = Math.max(1, Math.floor(os.availableParallelism() / 2));

type State = { people: Set<string>; workspaces: Set<string> };
// On globalThis: `next dev` re-evaluates modules, and there must stay one count per process.
const KEY = Symbol.for('fastdraft.checks');
const globals = globalThis as typeof globalThis & { [KEY]?: State };
globals[KEY] ??= { people: new Set(), workspaces: new Set() };
const state: State = globals[KEY];

/** Runs `fn` holding the person's and the workspace's check slot; refuses at once when one is taken. */
export async function withChecksSlot<T>(
  owner: string,
  workspaceId: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (state.people.has(owner))
    throw new ApiError(
      'rate_limited',
      'Your checks are already running; try again when they have finished.',
      undefined,
      { retryAfterSeconds: 10 },
    );
  if (state.workspaces.has(workspaceId))
    throw new ApiError(
      'rate_limited',
      'Checks of this workspace are already running (another tab or a collaborator); try again when they have finished.',
      undefined,
      { retryAfterSeconds: 10 },
    );
  if (state.people.size >= CHECKS_PER_SERVER)
    throw new ApiError(
      'unavailable',
      'The server is busy running other checks; try again in a minute.',
      undefined,
      {
        retryAfterSeconds: 30,
      },
    );
  state.people.add(owner);
  state.workspaces.add(workspaceId);
  try {
    return await fn();
  } finally {
    state.people.delete(owner);
    state.workspaces.delete(workspaceId);
  }
}

/** Checks running now (tests look at it). */
export const runningChecks = () => state.people.size;

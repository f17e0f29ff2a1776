import 'server-only';
import { unavailableMessage } from '@/lib/runner/preview/availability';
import { previewManager } from '@/lib/runner/preview/manager';
import { checkProject } from '@/lib/runner/project-checks';
import type { RunProjectChecks } from './tools';

/** mypy and pytest are CPU-bound for a minute: one run at a time in this process, the rest wait their turn. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The runCodeChecks tool's mypy --strict and pytest: `checkProject` in the preview sandbox, with the runtime the
 * preview manager found (cached there); when this server has no sandbox or Python, the reason instead.
 */
export function projectChecker(): RunProjectChecks {
  return async (files) => {
    const available = await previewManager().availability();
    if (!available.ok) return { unavailable: unavailableMessage(available) };
    const run = queue.then(() => checkProject(files, available.runtime, { timeoutMs: 150_000 }));
    queue = run.catch(() => undefined);
    return run;
  };
}

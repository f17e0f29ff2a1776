import { requireWorkspace } from '@/lib/api/access';
import { runChecks } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { designJob } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { requestUserCode } from '@/lib/api/user-code';
import { historyOf } from '@/lib/api/versions';
import { loadUserCode } from '@/lib/generator/user-code/schema';
import { unavailableMessage } from '@/lib/runner/preview/availability';
import { previewManager } from '@/lib/runner/preview/manager';
import { checkProject } from '@/lib/runner/project-checks';
import { checksFolder, withChecksSlot } from '@/lib/runner/workspace-checks';

export const dynamic = 'force-dynamic';

// Write access: a run takes minutes of the sandbox, like a preview start. Generation runs in the worker pool
// (lib/jobs); the tools run in the sandbox on the workspace's kept folder, whose mypy cache makes reruns fast.
export const POST = route(runChecks, async ({ request, db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  const userCode =
    body.userCode === undefined ? loadUserCode(workspace.userCode) : requestUserCode(body.userCode);
  const history = await historyOf(db, workspace.id);
  const available = await previewManager().availability();
  if (!available.ok)
    throw new ApiError(
      'unavailable',
      unavailableMessage(available).replace('Live preview', 'Running checks'),
      undefined,
      {
        reason: 'sandbox_unavailable',
        missing: available.missing,
      },
    );
  return withChecksSlot(user.id, workspace.id, async () => {
    const result = await designJob('files', {
      workspaceId: workspace.id,
      stored: workspace.design,
      posted: body.design,
      userCode,
      history,
      owner: user.id,
      signal: request.signal,
    });
    if (!result.ok)
      return {
        state: 'problems' as const,
        problems: result.problems.map(({ code, path, message }) => ({ code, path, message })),
      };
    if (result.blocked)
      return {
        state: 'blocked' as const,
        conflicts: (result.userCodeProblems ?? [])
          .filter((p) => p.code === 'merge-conflict')
          .map(({ path, line, message }) => ({ path, line, message })),
      };
    const started = performance.now();
    // A sandbox that cannot start (a full disk, a broken toolchain) is the server's state, not a crash: 503.
    const checked = await checkProject(result.files, available.runtime, {
      workDir: checksFolder(workspace.id, 'run'),
      signal: request.signal,
    }).catch((error: unknown) => {
      console.error(`[checks] ${workspace.id} could not run`, error);
      throw new ApiError('unavailable', 'The checks could not run on this server now; try again later.');
    });
    return { state: 'checked' as const, ...checked, ms: Math.round(performance.now() - started) };
  });
});

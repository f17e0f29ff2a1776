import { requireWorkspace } from '@/lib/api/access';
import { exportProject } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { designJob } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { historyOf } from '@/lib/api/versions';
import { loadUserCode } from '@/lib/generator/user-code/schema';

// Exports the stored design and user code (the editor autosaves; a download is a link, it posts nothing), in the worker pool.
export const GET = route(exportProject, async ({ request, db, user, params }) => {
  // The same access check as the generate route: anyone who may read the workspace (404 otherwise).
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  const zipped = await designJob('exportZip', {
    workspaceId: workspace.id,
    stored: workspace.design,
    userCode: loadUserCode(workspace.userCode),
    history: await historyOf(db, workspace.id),
    owner: user.id,
    signal: request.signal,
  });
  if (!zipped.ok) {
    throw new ApiError(
      'validation_failed',
      'The design has problems; fix them before downloading the project.',
      zipped.problems.map(({ path, message }) => ({ path, message })),
    );
  }
  return new Response(zipped.bytes, {
    status: 200,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${zipped.name}"`,
      'Content-Length': String(zipped.bytes.byteLength),
      'Cache-Control': 'no-store',
    },
  });
});

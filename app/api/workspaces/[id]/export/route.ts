import { requireWorkspace } from '@/lib/api/access';
import { exportProject } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { historyOf } from '@/lib/api/versions';
import { loadDesign } from '@/lib/design';
import { projectZip } from '@/lib/export/zip';

// Exports the stored design (the editor autosaves; a download is a link, it posts nothing).
export const GET = route(exportProject, async ({ db, user, params }) => {
  // The same access check as the generate route: anyone who may read the workspace (404 otherwise).
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  const loaded = loadDesign(workspace.design);
  if (!loaded.ok) throw new Error(`Stored design of workspace ${workspace.id} does not load`);
  const zipped = projectZip(loaded.design, { history: await historyOf(db, workspace.id) });
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

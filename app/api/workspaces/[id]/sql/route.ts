import { requireWorkspace } from '@/lib/api/access';
import { postgresSql } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { designJob } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { historyOf } from '@/lib/api/versions';
import { previewManager } from '@/lib/runner/preview/manager';
import { projectSql, sqlUnavailableMessage } from '@/lib/runner/sql';

export const dynamic = 'force-dynamic';

// Plain SQL for PostgreSQL of the posted design (else the stored one), migrations following the history.
// Generation runs in the worker pool (lib/jobs), the SQL in the sandbox.
export const POST = route(postgresSql, async ({ request, db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  const generated = await designJob('files', {
    workspaceId: workspace.id,
    stored: workspace.design,
    posted: body.design,
    history: await historyOf(db, workspace.id),
    owner: user.id,
    signal: request.signal,
  });
  if (!generated.ok) {
    throw new ApiError(
      'validation_failed',
      'The design has problems; fix them to get its SQL.',
      generated.problems.map(({ path, message }) => ({ path, message })),
    );
  }
  // The same sandboxed Python as previews (its availability is cached by the preview manager).
  const available = await previewManager().availability();
  if (!available.ok) throw new ApiError('unavailable', sqlUnavailableMessage(available));
  const sql = await projectSql(generated.files, available.runtime);
  if (!sql.ok) throw new ApiError('internal', sql.error);
  return { migrations: sql.migrations, schema: sql.schema };
});

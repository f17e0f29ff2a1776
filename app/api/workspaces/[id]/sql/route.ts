import { requireWorkspace } from '@/lib/api/access';
import { postgresSql } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { requestDesign } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { historyOf } from '@/lib/api/versions';
import { generateProject } from '@/lib/generator';
import { previewManager } from '@/lib/runner/preview/manager';
import { projectSql, sqlUnavailableMessage } from '@/lib/runner/sql';

export const dynamic = 'force-dynamic';

// Plain SQL for PostgreSQL of the posted design (else the stored one), migrations following the history.
export const POST = route(postgresSql, async ({ db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  const design = requestDesign(workspace.id, workspace.design, body.design);
  const generated = generateProject(design, { history: await historyOf(db, workspace.id) });
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

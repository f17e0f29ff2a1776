import { requireWorkspace } from '@/lib/api/access';
import { restoreVersion } from '@/lib/api/contracts';
import { ApiError, notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { versionJson } from '@/lib/api/versions';
import { createVersion, getVersion } from '@/lib/db/queries/versions';
import { saveWorkspace } from '@/lib/db/queries/workspaces';
import type { UserCode } from '@/lib/generator/user-code/types';

// The restored design and user code become the workspace's and a new version: history is only ever appended to.
export const POST = route(restoreVersion, async ({ db, user, params }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  const old = await getVersion(db, workspace.id, Number(params.n));
  if (!old) throw notFound('Version');
  const userCode = old.userCode as UserCode;
  const saved = await saveWorkspace(
    db,
    user.id,
    workspace.id,
    { design: old.design, userCode },
    workspace.version,
  );
  if (saved.status === 'not-found') throw notFound();
  if (saved.status === 'conflict')
    throw new ApiError('conflict', 'This workspace was changed meanwhile; try again.', undefined, {
      currentVersion: saved.version,
    });
  const version = await createVersion(db, {
    workspaceId: workspace.id,
    authorId: user.id,
    message: `Restore version ${old.number}`,
    design: old.design,
    userCode,
  });
  return { version: versionJson(version, user.email ?? null), designVersion: saved.version };
});

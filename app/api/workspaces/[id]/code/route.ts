import { requireWorkspace } from '@/lib/api/access';
import { getUserCode, saveUserCode } from '@/lib/api/contracts';
import { notFound, staleVersion } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { requestUserCode } from '@/lib/api/user-code';
import { saveUserCode as storeUserCode } from '@/lib/db/queries/workspaces';
import { loadUserCode } from '@/lib/generator/user-code/schema';

export const GET = route(getUserCode, async ({ db, user, params }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  return { userCode: loadUserCode(workspace.userCode), version: workspace.version };
});

// The user code shares the workspace's version with the design: a tab stale for either gets 409.
export const PUT = route(saveUserCode, async ({ db, user, params, body }) => {
  await requireWorkspace(db, user, params.id, 'write');
  const userCode = requestUserCode(body.userCode); // 413 past the size limit, 422 for paths and counts
  const result = await storeUserCode(db, user.id, params.id, userCode, body.baseVersion);
  if (result.status === 'not-found') throw notFound();
  if (result.status === 'conflict') throw staleVersion(result.version);
  return { version: result.version, updatedAt: result.updatedAt };
});

import { requireWorkspace } from '@/lib/api/access';
import { deleteWorkspace, getWorkspace, renameWorkspace } from '@/lib/api/contracts';
import { notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import {
  deleteWorkspace as removeWorkspace,
  renameWorkspace as updateName,
} from '@/lib/db/queries/workspaces';
import { previewManager } from '@/lib/runner/preview/manager';
import { removeChecksFolders } from '@/lib/runner/workspace-checks';

export const GET = route(getWorkspace, async ({ db, user, params }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  const { id, name, version, createdAt, updatedAt } = workspace;
  return { id, name, version, createdAt, updatedAt };
});

export const PATCH = route(renameWorkspace, async ({ db, user, params, body }) => {
  await requireWorkspace(db, user, params.id, 'owner');
  const workspace = await updateName(db, user.id, params.id, body.name);
  if (!workspace) throw notFound();
  return workspace;
});

export const DELETE = route(deleteWorkspace, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'owner');
  if (!(await removeWorkspace(db, user.id, params.id))) throw notFound();
  // Its preview goes too (process, code and data), and the folders its checks kept.
  await previewManager().remove(params.id);
  await removeChecksFolders(params.id);
});

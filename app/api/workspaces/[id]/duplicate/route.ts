import { requireWorkspace } from '@/lib/api/access';
import { duplicateWorkspace } from '@/lib/api/contracts';
import { notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { duplicateWorkspace as copyWorkspace } from '@/lib/db/queries/workspaces';

export const POST = route(duplicateWorkspace, async ({ db, user, params, body }) => {
  // Reading is enough: the copy is the caller's own workspace.
  const { workspace: source } = await requireWorkspace(db, user, params.id, 'read');
  const copy = await copyWorkspace(
    db,
    user.id,
    params.id,
    body.name ?? `Copy of ${source.name}`.slice(0, 100),
  );
  if (!copy) throw notFound();
  return copy;
});

import { duplicateWorkspace } from '@/lib/api/contracts';
import { notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { duplicateWorkspace as copyWorkspace, getWorkspace } from '@/lib/db/queries/workspaces';

export const POST = route(duplicateWorkspace, async ({ db, user, params, body }) => {
  const source = await getWorkspace(db, user.id, params.id);
  if (!source) throw notFound();
  const copy = await copyWorkspace(
    db,
    user.id,
    params.id,
    body.name ?? `Copy of ${source.name}`.slice(0, 100),
  );
  if (!copy) throw notFound();
  return copy;
});

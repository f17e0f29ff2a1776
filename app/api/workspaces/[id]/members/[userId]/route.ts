import { requireWorkspace } from '@/lib/api/access';
import { removeMember } from '@/lib/api/contracts';
import { notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { removeMember as deleteMember } from '@/lib/db/queries/shares';

export const DELETE = route(removeMember, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'owner');
  if (!(await deleteMember(db, params.id, params.userId))) throw notFound('Collaborator');
});

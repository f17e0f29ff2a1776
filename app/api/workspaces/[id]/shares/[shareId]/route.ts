import { requireWorkspace } from '@/lib/api/access';
import { revokeShare } from '@/lib/api/contracts';
import { notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { revokeShareLink } from '@/lib/db/queries/shares';

export const DELETE = route(revokeShare, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'owner');
  if (!(await revokeShareLink(db, params.id, params.shareId, new Date()))) throw notFound('Link');
});

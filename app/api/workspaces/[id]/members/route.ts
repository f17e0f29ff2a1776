import { requireWorkspace } from '@/lib/api/access';
import { listMembers } from '@/lib/api/contracts';
import { route } from '@/lib/api/route';
import { listMembers as selectMembers } from '@/lib/db/queries/shares';

export const GET = route(listMembers, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'owner');
  return { items: await selectMembers(db, params.id) };
});

import { requireShare } from '@/lib/api/access';
import { acceptShare } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { clientAddress } from '@/lib/auth/client-address';
import { addMember } from '@/lib/db/queries/shares';

export const POST = route(acceptShare, async ({ request, db, user, params }) => {
  const { link, workspace } = await requireShare(db, params.token, clientAddress(request));
  if (link.role !== 'edit') throw new ApiError('forbidden', 'A view link opens the workspace read only.');
  if (workspace.ownerId === user.id) return { workspaceId: workspace.id, role: 'owner' as const };
  await addMember(db, workspace.id, user.id);
  return { workspaceId: workspace.id, role: 'editor' as const };
});

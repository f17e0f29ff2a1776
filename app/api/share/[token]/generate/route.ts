import { requireShare } from '@/lib/api/access';
import { generateShared } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { generateResponse } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { historyOf } from '@/lib/api/versions';
import { clientAddress } from '@/lib/auth/client-address';

// Always the stored design: a link holder reads, and cannot use the generator for designs of their own.
// Migrations follow the committed history, as for members.
export const POST = route(generateShared, async ({ request, db, params }) => {
  const { link, workspace } = await requireShare(db, params.token, clientAddress(request));
  if (link.role !== 'view') throw new ApiError('forbidden', 'Accept this edit link to open the workspace.');
  return generateResponse(workspace.id, workspace.design, undefined, await historyOf(db, workspace.id));
});

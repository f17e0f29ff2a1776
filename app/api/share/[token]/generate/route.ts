import { requireShare } from '@/lib/api/access';
import { generateShared } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { generateResponse } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { historyOf } from '@/lib/api/versions';
import { clientAddress } from '@/lib/auth/client-address';
import { loadUserCode } from '@/lib/generator/user-code/schema';

// Always the stored design: a link holder reads, and cannot use the generator for designs of their own.
// Migrations follow the committed history, as for members. Jobs are counted per client address.
export const POST = route(generateShared, async ({ request, db, params }) => {
  const address = clientAddress(request);
  const { link, workspace } = await requireShare(db, params.token, address);
  if (link.role !== 'view') throw new ApiError('forbidden', 'Accept this edit link to open the workspace.');
  return generateResponse({
    workspaceId: workspace.id,
    stored: workspace.design,
    userCode: loadUserCode(workspace.userCode),
    history: await historyOf(db, workspace.id),
    owner: `share:${address}`,
    signal: request.signal,
  });
});

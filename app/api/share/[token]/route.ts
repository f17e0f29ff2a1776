import { requireShare } from '@/lib/api/access';
import { getShare } from '@/lib/api/contracts';
import { storedDesignRefused } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { clientAddress } from '@/lib/auth/client-address';
import { loadDesign } from '@/lib/design';
import { loadUserCode } from '@/lib/generator/user-code/schema';

export const dynamic = 'force-dynamic';

export const GET = route(getShare, async ({ request, db, params }) => {
  const { link, workspace } = await requireShare(db, params.token, clientAddress(request));
  const base = { role: link.role, workspaceId: workspace.id, workspaceName: workspace.name };
  // An edit link shows nothing of the design until it is accepted by a signed-in user.
  if (link.role !== 'view') return base;
  const loaded = loadDesign(workspace.design);
  if (!loaded.ok) throw storedDesignRefused(loaded.issues);
  return {
    ...base,
    design: loaded.design,
    userCode: loadUserCode(workspace.userCode),
    version: workspace.version,
  };
});

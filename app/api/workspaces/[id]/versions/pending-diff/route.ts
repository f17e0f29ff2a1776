import { requireWorkspace } from '@/lib/api/access';
import { pendingDiff } from '@/lib/api/contracts';
import { requestDesign } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { requestUserCode } from '@/lib/api/user-code';
import { latestDesign } from '@/lib/api/versions';
import { validateDesign } from '@/lib/design';
import { diffDesigns } from '@/lib/generator';
import { diffUserCode } from '@/lib/generator/user-code/diff';
import { loadUserCode } from '@/lib/generator/user-code/schema';

// What a commit would change, shown before it: the latest version against the posted design (the editor's
// in-memory one, which is the stored one once autosaved), else the stored design; the user code likewise.
export const POST = route(pendingDiff, async ({ db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  const design = requestDesign(workspace.design, body.design);
  const problems = validateDesign(design).length;
  const userCode =
    body.userCode === undefined ? loadUserCode(workspace.userCode) : requestUserCode(body.userCode);
  const latest = await latestDesign(db, workspace.id);
  if (!latest) return { base: null, diff: null, problems };
  const userFiles = diffUserCode(latest.userCode, userCode);
  return { base: latest.number, diff: { ...diffDesigns(latest.design, design), userFiles }, problems };
});

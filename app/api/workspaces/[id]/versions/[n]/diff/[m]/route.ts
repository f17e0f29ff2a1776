import { requireWorkspace } from '@/lib/api/access';
import { diffVersions } from '@/lib/api/contracts';
import { ApiError, notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { getVersion } from '@/lib/db/queries/versions';
import { loadDesign } from '@/lib/design';
import { diffDesigns } from '@/lib/generator';
import { diffUserCode } from '@/lib/generator/user-code/diff';
import { loadUserCode } from '@/lib/generator/user-code/schema';

export const GET = route(diffVersions, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'read');
  const [a, b] = await Promise.all([
    getVersion(db, params.id, Number(params.n)),
    getVersion(db, params.id, Number(params.m)),
  ]);
  if (!a || !b) throw notFound('Version');
  const la = loadDesign(a.design);
  const lb = loadDesign(b.design);
  if (!la.ok || !lb.ok) throw new ApiError('validation_failed', 'A stored version does not load.');
  return {
    ...diffDesigns(la.design, lb.design),
    userFiles: diffUserCode(loadUserCode(a.userCode), loadUserCode(b.userCode)),
  };
});

import { requireWorkspace } from '@/lib/api/access';
import { createShare, listShares } from '@/lib/api/contracts';
import { route } from '@/lib/api/route';
import { createShareLink, listShareLinks } from '@/lib/db/queries/shares';

export const GET = route(listShares, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'owner');
  return { items: await listShareLinks(db, params.id) };
});

export const POST = route(createShare, async ({ request, db, user, params, body }) => {
  await requireWorkspace(db, user, params.id, 'owner');
  const { token, link } = await createShareLink(db, {
    workspaceId: params.id,
    role: body.role,
    createdBy: user.id,
    expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
  });
  return { ...link, token, url: new URL(`/s/${token}`, request.url).toString() };
});

import { requireWorkspace } from '@/lib/api/access';
import { createVersion, listVersions } from '@/lib/api/contracts';
import { route } from '@/lib/api/route';
import { versionJson } from '@/lib/api/versions';
import { createVersion as insertVersion, listVersions as selectVersions } from '@/lib/db/queries/versions';

export const GET = route(listVersions, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'read');
  return { items: (await selectVersions(db, params.id)).map((v) => versionJson(v)) };
});

// Commits the stored design with the stored user code (the editor autosaves before committing).
export const POST = route(createVersion, async ({ db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  const version = await insertVersion(db, {
    workspaceId: workspace.id,
    authorId: user.id,
    message: body.message,
    design: workspace.design,
    userCode: workspace.userCode,
  });
  return versionJson(version, user.email ?? null);
});

import { requireWorkspace } from '@/lib/api/access';
import { getDesign, saveDesign } from '@/lib/api/contracts';
import { ApiError, notFound, staleVersion } from '@/lib/api/errors';
import { assertDesignSize, storedDesignRefused } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { saveDesign as storeDesign } from '@/lib/db/queries/workspaces';
import { loadDesign, validateDesign } from '@/lib/design';

export const GET = route(getDesign, async ({ db, user, params }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  const loaded = loadDesign(workspace.design);
  // One saved before the limits may break them: 422 with the issues and the version a replacing save names.
  if (!loaded.ok) throw storedDesignRefused(loaded.issues, { currentVersion: workspace.version });
  return { design: loaded.design, version: workspace.version };
});

// A design with semantic problems is still saved (work in progress); a design that breaks the schema is not.
export const PUT = route(saveDesign, async ({ db, user, params, body }) => {
  await requireWorkspace(db, user, params.id, 'write');
  assertDesignSize(body.design); // 413 past LIMITS.designBytes
  const loaded = loadDesign(body.design);
  if (!loaded.ok) {
    throw new ApiError(
      'validation_failed',
      'The design is not a valid design document; nothing was saved.',
      loaded.issues,
    );
  }
  const result = await storeDesign(db, user.id, params.id, loaded.design, body.baseVersion);
  if (result.status === 'not-found') throw notFound();
  if (result.status === 'conflict') throw staleVersion(result.version);
  const problems = validateDesign(loaded.design).map(({ code, path, message }) => ({ code, path, message }));
  return { version: result.version, updatedAt: result.updatedAt, problems };
});

import { generateCode } from '@/lib/api/contracts';
import { ApiError, notFound } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { getWorkspace } from '@/lib/db/queries/workspaces';
import { loadDesign } from '@/lib/design';
import { checkProject, generateProject } from '@/lib/generator';

// The posted design is the editor's in-memory one (unsaved edits included); without it, the stored design.
// Problems are a normal state of a work-in-progress design: 200 with `ok: false`, not an error.
export const POST = route(generateCode, async ({ db, user, params, body }) => {
  const workspace = await getWorkspace(db, user.id, params.id);
  if (!workspace) throw notFound();
  const loaded = loadDesign(body.design ?? workspace.design);
  if (!loaded.ok) {
    if (body.design === undefined)
      throw new Error(`Stored design of workspace ${workspace.id} does not load`);
    throw new ApiError('validation_failed', 'The design is not a valid design document.', loaded.issues);
  }
  const result = generateProject(loaded.design);
  if (!result.ok) {
    const problems = result.problems.map(({ code, path, message, elementId }) => ({
      code,
      path,
      message,
      elementId,
    }));
    return { ok: false, problems };
  }
  const diagnostics = await checkProject(result.files);
  return { ok: true, files: result.files, diagnostics, generatedAt: new Date().toISOString() };
});

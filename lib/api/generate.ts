import 'server-only';
import { type Design, loadDesign } from '@/lib/design';
import { checkProject, type DesignVersion, generateProject } from '@/lib/generator';
import { ApiError } from './errors';

/**
 * The design a request works on: the posted one (the editor's in-memory design), else the stored one. A posted
 * document that does not load is a 422 with its issues; a stored one that does not load is a bug (500).
 */
export function requestDesign(workspaceId: string, stored: unknown, posted?: unknown): Design {
  const loaded = loadDesign(posted ?? stored);
  if (loaded.ok) return loaded.design;
  if (posted === undefined) throw new Error(`Stored design of workspace ${workspaceId} does not load`);
  throw new ApiError('validation_failed', 'The design is not a valid design document.', loaded.issues);
}

/** Generates `posted` (else the stored design; migrations follow `history` when given) and checks it; used by the workspace and the share-link routes. */
export async function generateResponse(
  workspaceId: string,
  stored: unknown,
  posted?: unknown,
  history?: readonly DesignVersion[],
) {
  const design = requestDesign(workspaceId, stored, posted);
  const result = generateProject(design, history ? { history } : {});
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
}

import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { assertSameOrigin } from '@/lib/api/request-guard';
import { apiErrorResponse } from '@/lib/api/route';
import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { workspaceAccess } from '@/lib/db/queries/access';
import { accessKey, cachedAccess } from '@/lib/db/queries/access-cache';
import { previewManager } from '@/lib/runner/preview/manager';
import { forward } from '@/lib/runner/preview/proxy';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; path?: string[] }> };

const uuid = z.uuid();
const notFound = () =>
  Response.json({ error: { code: 'not_found', message: 'Workspace not found.' } }, { status: 404 });

/**
 * The live preview of a workspace, at `/preview/{id}/...`: forwarded to its app with the prefix removed (the app
 * sees `/posts`). Only people who may see the workspace get through; everyone else, anonymous included, gets the
 * same 404 as for a missing workspace. A state-changing request another site's page sent is refused (403) first,
 * as on the API routes: the session cookie rides along, and the preview acts with the IDE's origin.
 * The yes of the session and access checks is remembered for a second per session cookie and workspace
 * (lib/db/queries/access-cache.ts): a page of the app asks many times a second, and each check costs milliseconds.
 */
async function handle(request: Request, context: Context): Promise<Response> {
  try {
    assertSameOrigin(request);
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    throw error;
  }
  const { id } = await context.params;
  if (!uuid.safeParse(id).success) return notFound();
  // Owner and collaborators (read access); share-link holders and everyone else get the 404.
  const allowed = await cachedAccess(accessKey(request.headers.get('cookie'), id), async () => {
    const user = await currentUser();
    return user !== null && (await workspaceAccess(await db(), user.id, id)) !== null;
  });
  if (!allowed) return notFound();
  const manager = previewManager();
  const socketPath = manager.socketFor(id);
  if (!socketPath) {
    return Response.json(
      {
        error: {
          code: 'preview_not_running',
          message: 'The preview of this workspace is not running: start it from the Try-it view.',
        },
      },
      { status: 503 },
    );
  }
  const url = new URL(request.url);
  // The raw path (still percent-encoded) after /preview/{id}.
  const rest = url.pathname.split('/').slice(3).join('/');
  return forward(request, {
    socketPath,
    upstreamPath: `/${rest}${url.search}`,
    prefix: `/preview/${id}`,
    onActivity: () => manager.touch(id),
  });
}

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;

import { requireWorkspace } from '@/lib/api/access';
import { getPreview, startPreview, stopPreview } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { requestDesign } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { requestUserCode } from '@/lib/api/user-code';
import { historyOf } from '@/lib/api/versions';
import { loadUserCode } from '@/lib/generator/user-code/schema';
import type { EndEvent } from '@/lib/runner/preview/events';
import { previewManager } from '@/lib/runner/preview/manager';

export const dynamic = 'force-dynamic';

export const GET = route(getPreview, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'read');
  return previewManager().status(params.id);
});

// Checks (session, workspace, design) answer as JSON errors before the stream starts; then `step` events and
// one `end` event. The start goes on when the client disconnects; a newer POST supersedes it. A full server answers
// 503 with Retry-After (the user's own older previews make room; nobody else's are stopped).
export const POST = route(startPreview, async ({ db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  const design = requestDesign(workspace.design, body.design);
  const userCode =
    body.userCode === undefined ? loadUserCode(workspace.userCode) : requestUserCode(body.userCode);
  // The preview database is built by the project's real revision chain (committed versions, then pending).
  const history = await historyOf(db, workspace.id);
  const manager = previewManager();
  const refused = manager.admit(params.id, user.id);
  if (refused)
    throw new ApiError('unavailable', refused.message, undefined, {
      reason: refused.code,
      retryAfterSeconds: refused.retryAfterSeconds,
    });
  const encoder = new TextEncoder();
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: 'step' | 'end', data: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          open = false;
        }
      };
      const finish = (end: EndEvent) => {
        send('end', end);
        if (open) controller.close();
        open = false;
      };
      manager
        .start(params.id, design, {
          userId: user.id,
          resetData: body.resetData ?? false,
          history,
          userCode,
          onStep: (e) => send('step', e),
        })
        .then(finish, (error: unknown) => {
          console.error(`[preview] start of ${params.id} failed`, error);
          finish({ ok: false, error: 'The preview could not be started (internal error).' });
        });
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
});

export const DELETE = route(stopPreview, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'write');
  await previewManager().stop(params.id);
});

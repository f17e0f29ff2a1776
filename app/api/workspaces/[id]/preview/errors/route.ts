import { requireWorkspace } from '@/lib/api/access';
import { getPreviewErrors } from '@/lib/api/contracts';
import { route } from '@/lib/api/route';
import { previewManager } from '@/lib/runner/preview/manager';

export const dynamic = 'force-dynamic';

// Read access, like the preview itself: whoever may call the preview may read what its code raised.
export const GET = route(getPreviewErrors, async ({ db, user, params }) => {
  await requireWorkspace(db, user, params.id, 'read');
  return { tracebacks: previewManager().tracebacks(params.id) };
});

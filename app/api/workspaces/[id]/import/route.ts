import { requireWorkspace } from '@/lib/api/access';
import { importIntoWorkspace } from '@/lib/api/contracts';
import { importPlan } from '@/lib/api/import';
import { route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

// The editor's import: planned against the posted (in-memory) design, else the stored one, by someone who may
// change it. The answer is a proposal; the design changes only when the editor accepts it and saves.
export const POST = route(importIntoWorkspace, async ({ request, db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'write');
  return importPlan({
    text: body.text,
    format: body.format,
    target: { stored: workspace.design, posted: body.design },
    owner: user.id,
    signal: request.signal,
  });
});

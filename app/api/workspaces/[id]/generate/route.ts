import { requireWorkspace } from '@/lib/api/access';
import { generateCode } from '@/lib/api/contracts';
import { generateResponse } from '@/lib/api/generate';
import { route } from '@/lib/api/route';
import { requestUserCode } from '@/lib/api/user-code';
import { historyOf } from '@/lib/api/versions';
import { loadUserCode } from '@/lib/generator/user-code/schema';

// The posted design is the editor's in-memory one (unsaved edits included); without it, the stored design.
// Problems are a normal state of a work-in-progress design: 200 with `ok: false`, not an error.
// Generation runs in the worker pool (lib/jobs): at most two jobs per person at a time.
export const POST = route(generateCode, async ({ request, db, user, params, body }) => {
  const { workspace } = await requireWorkspace(db, user, params.id, 'read');
  return generateResponse({
    workspaceId: workspace.id,
    stored: workspace.design,
    posted: body.design,
    // The Code view posts its in-memory user files with the design, so their diagnostics follow the typing.
    userCode: body.userCode === undefined ? loadUserCode(workspace.userCode) : requestUserCode(body.userCode),
    history: await historyOf(db, workspace.id),
    owner: user.id,
    signal: request.signal,
  });
});

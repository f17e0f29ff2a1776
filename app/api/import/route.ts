import { importNew } from '@/lib/api/contracts';
import { importPlan } from '@/lib/api/import';
import { route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

// The dashboard's "New from SQL / OpenAPI": read and plan against a blank design; the browser then creates the
// workspace and proposes the operations there. Nothing is stored here.
export const POST = route(importNew, async ({ request, user, body }) =>
  importPlan({ text: body.text, format: body.format, owner: user.id, signal: request.signal }),
);

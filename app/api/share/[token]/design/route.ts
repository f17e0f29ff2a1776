import { requireShare } from '@/lib/api/access';
import { saveSharedDesign } from '@/lib/api/contracts';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { clientAddress } from '@/lib/auth/client-address';

// A share link never writes: a view link is read only, and an edit link only makes its holder a collaborator.
export const PUT = route(saveSharedDesign, async ({ request, db, params }) => {
  await requireShare(db, params.token, clientAddress(request));
  throw new ApiError('forbidden', 'This link is read only; nothing was saved.');
});

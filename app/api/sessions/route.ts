import { signOutEverywhere } from '@/lib/api/contracts';
import { route } from '@/lib/api/route';
import { endAllSessions } from '@/lib/auth/sessions';

export const DELETE = route(signOutEverywhere, async ({ db, user }) => {
  await endAllSessions(db, user.id);
});

import { createWorkspace, listWorkspaces } from '@/lib/api/contracts';
import { route } from '@/lib/api/route';
import {
  createWorkspace as insertWorkspace,
  listWorkspaces as selectWorkspaces,
} from '@/lib/db/queries/workspaces';
import { templates } from '@/lib/design';

export const GET = route(listWorkspaces, async ({ db, user }) => ({
  items: await selectWorkspaces(db, user.id),
}));

export const POST = route(createWorkspace, async ({ db, user, body }) =>
  insertWorkspace(db, user.id, {
    name: body.name,
    design: { ...templates[body.template](), name: body.name },
  }),
);

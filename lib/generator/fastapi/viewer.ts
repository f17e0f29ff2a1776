import type { IrEntity, IrOperation, IrProject } from '../ir/types';
import type { Imports } from '../python/imports';
import { optionalTokenParam, optionalTokenSetup } from './token-scheme';

/**
 * The optional caller of public routes, in one place (the token comes through `./token-scheme`, whatever the
 * design's scheme). Two dependencies share it: `OptionalUser` (public reads that also
 * show the caller's own rows: a bad token reads as anonymous) and `ViewerUser` (rules that know their viewer:
 * no token is anonymous, an invalid or expired one is a 401).
 */
export const OPTIONAL_USER_NAMES = [
  'optional_token',
  'optional_user',
  'OptionalUser',
  'viewer_user',
  'ViewerUser',
] as const;

/** Public rules marked `viewer`: the caller is known when a valid token comes along. */
export function isViewerOp(op: IrOperation): boolean {
  return op.access?.kind === 'public' && op.access.viewer === true;
}

export function usesViewer(project: IrProject): boolean {
  return project.auth !== null && project.operations.some(isViewerOp);
}

/** The blocks of `app/api/scoping.py` defining the dependencies asked for. */
export function optionalUserBlocks(
  project: IrProject,
  imports: Imports,
  wanted: { optional: boolean; viewer: boolean },
): string[] {
  const auth = project.auth;
  if (!auth || (!wanted.optional && !wanted.viewer)) return [];
  const user = project.entityById.get(auth.userId) as IrEntity;
  const userCls = imports.from(`app.models.${user.module}`, user.className);
  const sessionDep = imports.from('app.api.deps', 'SessionDep');
  const annotated = () => imports.from('typing', 'Annotated');
  const depends = () => imports.from('fastapi', 'Depends');
  const getUser = () => imports.from('app.api.deps', 'get_current_user');
  const token = () => `token: ${optionalTokenParam(project, imports)},`;
  const setup = optionalTokenSetup(project, imports);
  const blocks: string[] = setup === null ? [] : [setup];
  if (wanted.optional) {
    blocks.push(
      [
        'async def optional_user(',
        `    session: ${sessionDep},`,
        `    ${token()}`,
        `) -> ${userCls} | None:`,
        '    """The caller of a public route when a valid bearer token comes along."""',
        '    if not token:',
        '        return None',
        '    try:',
        `        return await ${getUser()}(session, token)`,
        `    except ${imports.from('fastapi', 'HTTPException')}:`,
        '        return None',
      ].join('\n'),
      `OptionalUser = ${annotated()}[${userCls} | None, ${depends()}(optional_user)]`,
    );
  }
  if (wanted.viewer) {
    blocks.push(
      [
        'async def viewer_user(',
        `    session: ${sessionDep},`,
        `    ${token()}`,
        `) -> ${userCls} | None:`,
        '    """The viewer: None without a token, 401 for an invalid or expired one."""',
        '    if not token:',
        '        return None',
        `    return await ${getUser()}(session, token)`,
      ].join('\n'),
      `ViewerUser = ${annotated()}[${userCls} | None, ${depends()}(viewer_user)]`,
    );
  }
  return blocks;
}

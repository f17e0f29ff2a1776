import type { IrEntity, IrProject } from '../ir/types';
import { module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import { commitConflictLines, hasCompositeUniques } from './conflicts';
import { challengeHeaders, tokenSchemeBlocks } from './token-scheme';

const FIXED_TAGS: Record<string, string> = {
  auth: 'Registration, login and the signed-in user.',
  custom: 'Hand-written endpoints: stubs answering 501 until implemented.',
  health: 'Liveness check.',
};

/**
 * The tags the operations use, each with a description (`openapi_tags`, the order of Swagger UI's sections):
 * the resources in table order, then auth, custom and health.
 */
export function openApiTags(project: IrProject): { name: string; description: string }[] {
  const used = new Set(project.operations.map((op) => op.tag));
  const tags: { name: string; description: string }[] = [];
  for (const entity of project.entities) {
    const name = entity.resource.tag;
    if (!used.has(name) || tags.some((t) => t.name === name)) continue;
    const kinds = [
      ...new Set(
        entity.operations.map((op) => (op.method === 'put' && op.kind === 'update' ? 'replace' : op.kind)),
      ),
    ];
    const fallback = `${entity.className}${kinds.length > 0 ? `: ${kinds.join(', ')}` : ''}.`;
    tags.push({ name, description: entity.description.trim() || fallback });
  }
  for (const [name, description] of Object.entries(FIXED_TAGS)) {
    if (used.has(name) && !tags.some((t) => t.name === name)) tags.push({ name, description });
  }
  return tags;
}

/** `app/api/deps.py`: session, current user, role checks and the commit helper, as Annotated dependencies. */
export function emitDeps(project: IrProject): string {
  const imports = new Imports();
  const annotated = imports.from('typing', 'Annotated');
  const depends = imports.from('fastapi', 'Depends');
  const httpException = () => imports.from('fastapi', 'HTTPException');
  const asyncSession = imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const integrityError = imports.from('sqlalchemy.exc', 'IntegrityError');
  const getSession = imports.from('app.core.db', 'get_session');
  const blocks = [
    `SessionDep = ${annotated}[${asyncSession}, ${depends}(${getSession})]`,
    project.errorFormat !== 'fastapi'
      ? [
          `async def commit_or_409(session: ${asyncSession}) -> None:`,
          '    """Commit; a unique or reference violation becomes a 409 in app.core.errors."""',
          '    try:',
          '        await session.commit()',
          `    except ${integrityError}:`,
          '        await session.rollback()',
          '        raise',
        ].join('\n')
      : [
          `async def commit_or_409(session: ${asyncSession}) -> None:`,
          '    """Commit, turning unique and foreign key violations into 409 Conflict."""',
          '    try:',
          '        await session.commit()',
          `    except ${integrityError} as exc:`,
          ...(hasCompositeUniques(project)
            ? commitConflictLines(
                imports.from('app.core.conflicts', 'conflicting_fields'),
                imports.from('app.core.conflicts', 'conflict_message'),
              ).map((l) => l.replace('HTTPException', httpException()))
            : [
                '        await session.rollback()',
                `        raise ${httpException()}(`,
                '            status_code=409,',
                '            detail="Conflicts with existing data (unique or reference constraint)",',
                '        ) from exc',
              ]),
        ].join('\n'),
  ];
  const auth = project.auth;
  if (auth) {
    const user = project.entityById.get(auth.userId) as IrEntity;
    const userCls = imports.from(`app.models.${user.module}`, user.className);
    const decode = imports.from('app.core.security', 'decode_access_token');
    const challenge = challengeHeaders(auth.api);
    const parse =
      user.primaryKey === 'uuid'
        ? [
            `def _parse_user_id(subject: str) -> ${imports.module('uuid')}.UUID:`,
            `    return ${imports.module('uuid')}.UUID(subject)`,
          ]
        : ['def _parse_user_id(subject: str) -> int:', '    return int(subject)'];
    blocks.push(
      ...tokenSchemeBlocks(project, imports),
      parse.join('\n'),
      [
        `async def get_current_user(session: SessionDep, token: TokenDep) -> ${userCls}:`,
        '    """The user of the bearer token; 401 when missing, invalid or expired."""',
        '    subject = decode_access_token(token)'.replace('decode_access_token', decode),
        '    user = None',
        '    if subject is not None:',
        '        try:',
        `            user = await session.get(${userCls}, _parse_user_id(subject))`,
        '        except ValueError:',
        '            user = None',
        '    if user is None:',
        `        raise ${httpException()}(`,
        '            status_code=401,',
        '            detail="Could not validate credentials",',
        ...(challenge ? [`            ${challenge}`] : []),
        '        )',
        '    return user',
      ].join('\n'),
      `CurrentUser = ${annotated}[${userCls}, ${depends}(get_current_user)]`,
    );
    if (auth.role) {
      const callable = imports.from('collections.abc', 'Callable');
      const awaitable = imports.from('collections.abc', 'Coroutine');
      const any = imports.from('typing', 'Any');
      blocks.push(
        [
          `def require_roles(*roles: str) -> ${callable}[..., ${awaitable}[${any}, ${any}, ${userCls}]]:`,
          '    """A dependency returning the current user, or 403 when their role is not listed."""',
          '',
          `    async def check_roles(current_user: CurrentUser) -> ${userCls}:`,
          `        if current_user.${auth.role.name} not in roles:`,
          `            raise ${httpException()}(status_code=403, detail="Not enough permissions")`,
          '        return current_user',
          '',
          '    return check_roles',
        ].join('\n'),
      );
    }
  }
  return module(imports.render(), blocks, '"""Dependencies shared by the routes."""');
}

/** `app/api/main.py`: one router including every resource router (custom stubs first: fixed paths win). */
export function emitApiRouter(routeModules: string[], meRouters: ReadonlySet<string> = new Set()): string {
  const imports = new Imports();
  const apiRouter = imports.from('fastapi', 'APIRouter');
  const lines = [`api_router = ${apiRouter}()`];
  for (const name of routeModules) {
    const mod = imports.from('app.api.routes', name);
    lines.push(`api_router.include_router(${mod}.router)`);
    // Viewer lists under the me path: the module's second router.
    if (meRouters.has(name)) lines.push(`api_router.include_router(${mod}.me_router)`);
  }
  return module(imports.render(), [lines.join('\n')], '"""All API routes."""');
}

/** `app/main.py`: the FastAPI application. */
export function emitMain(project: IrProject): string {
  const imports = new Imports();
  const lines = [
    `@${imports.from('contextlib', 'asynccontextmanager')}`,
    `async def lifespan(_app: ${imports.from('fastapi', 'FastAPI')}) -> ${imports.from('collections.abc', 'AsyncIterator')}[None]:`,
    `    ${imports.from('app.core.logging', 'configure_logging')}()`,
    '    yield',
    `    await ${imports.from('app.core.db', 'engine')}.dispose()`,
  ];
  const settings = imports.from('app.core.config', 'settings');
  // Every model must be mapped before the first query, even those no router imports.
  imports.from('app', 'models');
  const operationId = [
    `def _operation_id(route: ${imports.from('fastapi.routing', 'APIRoute')}) -> str:`,
    '    """Operation ids are the route names (`list_posts`), unique in the app."""',
    '    return route.name',
  ];
  const tags = openApiTags(project).map(
    (t) => `        {"name": ${pyStr(t.name)}, "description": ${pyStr(t.description)}},`,
  );
  const app = [
    'app = FastAPI(',
    `    title=${settings}.PROJECT_NAME,`,
    '    lifespan=lifespan,',
    '    openapi_tags=[',
    ...tags,
    '    ],',
    '    generate_unique_id_function=_operation_id,',
    ')',
    `${imports.from('app.core.middleware', 'install_middleware')}(app)`,
    `app.include_router(${imports.from('app.api.main', 'api_router')})`,
    '__all__ = ["app", "models"]',
  ];
  const healthOp = project.operations.find((op) => op.kind === 'health');
  const health = [
    '@app.get("/health", tags=["health"])',
    'async def health() -> dict[str, str]:',
    `    ${pyDocstring(healthOp?.description ?? 'Liveness check.', '    ')}`,
    '    return {"status": "ok"}',
  ];
  return module(
    imports.render(),
    [lines.join('\n'), operationId.join('\n'), app.join('\n'), health.join('\n')],
    '"""The FastAPI application."""',
  );
}

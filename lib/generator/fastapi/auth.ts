import { authSchemaNames } from '../ir/auth-api';
import type { IrEntity, IrOperation, IrOperationKind, IrProject } from '../ir/types';
import { module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import { viewerLoadOptions } from './computed';
import { aliasConfig, aliasKw, wireName } from './envelopes';
import { responsesArg } from './errors';
import { decorator, signature } from './handler';
import { classDef, fkInput, inputField, PASSWORD_MAX } from './schemas';
import { deriveLines } from './server-set';
import { challengeHeaders } from './token-scheme';
import { inputMaxLength } from './types';

/** `app/schemas/auth.py`: token, JSON login body, the registration body (never carries the role), and the
 * shapes the design's auth API asks for: the user with a token, one's own profile update, envelopes. */
export function emitAuthSchemas(project: IrProject): string | null {
  const auth = project.auth;
  if (!auth) return null;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const api = auth.api;
  const names = namesOf(project);
  const imports = new Imports([
    'Token',
    'LoginRequest',
    auth.registerSchema,
    ...(names.withToken ? [names.withToken] : []),
    ...(api.meUpdate.length > 0 ? [names.selfUpdateInner] : []),
    ...names.envelopes.keys(),
    ...user.memberNames,
  ]);
  const baseModel = imports.from('pydantic', 'BaseModel');
  const fields = user.fields.filter((f) => !f.readOnly && f.id !== auth.role?.id);
  // Bodies take the user's JSON names (`displayName`), as its resource bodies do, and attribute names too.
  const alias = (name: string) => aliasKw(user, name);
  const forbid = (names: readonly string[] = []) => {
    const args = ['extra="forbid"', ...aliasConfig(names.some((n) => alias(n) !== undefined))];
    return `model_config = ${imports.from('pydantic', 'ConfigDict')}(${args.join(', ')})`;
  };
  const fks = user.fks.filter((fk) => fk.inCreate);
  const register = [
    forbid([...fields.map((f) => f.name), ...fks.map((fk) => fk.column)]),
    '',
    ...fields.map((f) => inputField(f, imports, 'create', alias(f.name))),
    ...fks.map((fk) => fkInput(fk, project, imports, 'create', alias(fk.column))),
  ];
  const safeStr = imports.from('app.schemas.common', 'SafeStr');
  const blocks: string[] = [];
  if (api.tokenIn === 'token' || api.formLoginPath !== null) {
    blocks.push(
      classDef('Token', baseModel, 'A bearer access token.', [
        'access_token: str',
        'token_type: str = "bearer"',
      ]),
    );
  }
  blocks.push(
    classDef(
      'LoginRequest',
      baseModel,
      api.formLoginPath
        ? `Credentials as JSON (the form variant is \`POST ${api.formLoginPath}\`).`
        : 'Credentials as JSON.',
      [forbid(), '', `${auth.login.name}: ${safeStr}`, `${auth.password.name}: ${safeStr}`],
    ),
    classDef(auth.registerSchema, baseModel, `Body of \`POST ${api.registerPath}\`.`, register),
  );
  if (names.withToken) {
    const read = imports.from(`app.schemas.${user.module}`, user.schemas.read);
    blocks.push(
      classDef(names.withToken, read, `The signed-in ${user.className} with an access token.`, [
        'token: str',
      ]),
    );
  }
  if (api.meUpdate.length > 0) {
    const own = user.fields.filter((f) => f.inUpdate && f.id !== auth.role?.id);
    const required = own.filter((f) => !f.nullable).map((f) => f.name);
    const password = own.some((f) => f.isPassword);
    const body = [forbid([...own.map((f) => f.name), ...(password ? ['current_password'] : [])])];
    if (required.length > 0) {
      const classVar = imports.from('typing', 'ClassVar');
      body.push(
        `__non_nullable__: ${classVar}[frozenset[str]] = frozenset({${required.map(pyStr).join(', ')}})`,
      );
    }
    body.push('', ...own.map((f) => inputField(f, imports, 'update', alias(f.name))));
    if (password) {
      const named = alias('current_password');
      body.push(
        `current_password: str | None = ${imports.from('pydantic', 'Field')}(default=None${named ? `, alias=${named}` : ''}, max_length=${PASSWORD_MAX})`,
      );
    }
    blocks.push(
      classDef(
        names.selfUpdateInner,
        imports.from('app.schemas.common', 'UpdateModel'),
        `Body of \`${api.meUpdate.map((m) => m.toUpperCase()).join('/')} ${api.mePath}\`: only the fields sent are changed.`,
        body,
      ),
    );
  }
  for (const [envelope, inner] of names.envelopes) {
    const request = inner !== user.schemas.read && inner !== names.withToken;
    const innerName = inner === user.schemas.read ? imports.from(`app.schemas.${user.module}`, inner) : inner;
    const key = request ? api.bodyKey : api.objectKey;
    blocks.push(
      classDef(envelope, baseModel, `\`{"${key}": ${inner}}\`.`, [
        ...(request ? [forbid(), ''] : []),
        envelopeField(key as string, innerName, imports),
      ]),
    );
  }
  return module(imports.render(), blocks);
}

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

/** The envelope's one field: named like its key, or `item` aliased to a key that is no Python name. */
function envelopeField(key: string, type: string, imports: Imports): string {
  if (/^[a-z_][a-z0-9_]*$/i.test(key) && !PY_KEYWORDS.has(key) && !key.startsWith('model_'))
    return `${key}: ${type}`;
  return `item: ${type} = ${imports.from('pydantic', 'Field')}(alias=${pyStr(key)})`;
}

/** The envelope's field name in Python (`body.user`). */
function envelopeAttr(key: string): string {
  return /^[a-z_][a-z0-9_]*$/i.test(key) && !PY_KEYWORDS.has(key) && !key.startsWith('model_') ? key : 'item';
}

function namesOf(project: IrProject) {
  const auth = project.auth as NonNullable<IrProject['auth']>;
  const user = project.entityById.get(auth.userId) as IrEntity;
  return authSchemaNames(
    auth.api,
    { className: user.className, module: `app.schemas.${user.module}`, read: user.schemas.read },
    auth.registerSchema,
  );
}

/** `app/api/routes/auth.py`: register, OAuth2 form login (Swagger's Authorize), JSON login, me and its updates. */
export function emitAuthRoutes(project: IrProject): string | null {
  const auth = project.auth;
  if (!auth) return null;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const api = auth.api;
  const names = namesOf(project);
  const updates = project.operations.filter((o) => o.kind === 'me_update');
  const shaped = api.tokenIn === 'user' || api.objectKey !== null;
  const imports = new Imports([
    'router',
    '_authenticate',
    '_for_viewer',
    '_storable',
    ...(shaped ? ['_answer'] : []),
    'register',
    'login',
    'login_json',
    'read_me',
    ...updates.map((o) => o.handler),
  ]);
  const model = imports.from(`app.models.${user.module}`, user.className);
  const derived = { entity: user, project, imports, model };
  const read = imports.from(`app.schemas.${user.module}`, user.schemas.read);
  const schema = (n: { name: string; module: string }) => imports.from(n.module, n.name);
  const answerType = schema(names.user);
  const loginType = schema(names.login);
  const session = imports.from('app.api.deps', 'SessionDep');
  const asyncSession = imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const httpException = imports.from('fastapi', 'HTTPException');
  const createToken = imports.from('app.core.security', 'create_access_token');
  const login = auth.login.name;
  const password = auth.password.name;
  const hash = imports.from('app.core.security', 'hash_password_async');
  const security = (name: string) => imports.from('app.core.security', name);
  const normalise = imports.from(`app.models.${user.module}`, 'normalise_login');
  const challenge = challengeHeaders(api);
  // Decorator and docstring from the operation table, like the CRUD routes: errors documented, a description each.
  const head = (op: IrOperation) => {
    const responses = responsesArg(op, imports, project.errorFormat);
    return {
      decorator: decorator(op, responses ? [responses] : []),
      doc: `    ${pyDocstring(op.description ?? op.handler, '    ')}`,
    };
  };
  const opOf = (kind: IrOperationKind) => project.operations.find((o) => o.kind === kind);
  /** The request body inside its envelope, when bodies are wrapped. */
  const unwrap = (local: string) =>
    api.bodyKey === null ? [] : [`${local} = body.${envelopeAttr(api.bodyKey)}`];
  const bodyName = api.bodyKey === null ? 'body' : 'credentials';
  // What register, login and me answer: the read schema or a token object (FastAPI's default), else `_answer`.
  const answerUser = (row: string) => (shaped ? `_answer(${row})` : `${read}.model_validate(${row})`);
  const answerLogin = (row: string) =>
    api.tokenIn === 'user' ? `_answer(${row})` : `${loginType}(access_token=${createToken}(str(${row}.id)))`;
  const router =
    api.prefix === ''
      ? `router = ${imports.from('fastapi', 'APIRouter')}(tags=["auth"])`
      : `router = ${imports.from('fastapi', 'APIRouter')}(prefix=${pyStr(api.prefix)}, tags=["auth"])`;
  const blocks = [
    router,
    [
      `async def _authenticate(session: ${asyncSession}, login: str, password: str) -> ${model}:`,
      '    """The user of these credentials, or 401. Unknown logins cost a hash check too."""',
      '    acceptable = (',
      `        len(login) <= ${inputMaxLength(auth.login) ?? 255}`,
      `        and len(password) <= ${inputMaxLength(auth.password) ?? 128}`,
      '        and _storable(login)',
      '        and _storable(password)',
      '    )',
      '    user = None',
      '    if acceptable:',
      `        statement = ${imports.from('sqlalchemy', 'select')}(${model}).where(`,
      `            ${model}.${login} == ${normalise}(login)`,
      '        )',
      '        user = (await session.execute(statement)).scalar_one_or_none()',
      `    hashed = user.${password} if user is not None else None`,
      `    valid = await ${security('verify_password_async')}(password if acceptable else "", hashed)`,
      '    if user is None or hashed is None or not valid:',
      `        raise ${httpException}(`,
      '            status_code=401,',
      `            detail=${pyStr(`Incorrect ${login} or password`)},`,
      ...(challenge ? [`            ${challenge}`] : []),
      '        )',
      `    if ${security('password_needs_rehash')}(hashed):`,
      `        user.${password} = await ${hash}(password)`,
      '        await session.commit()',
      // The flush expires SQL-computed attributes (`following`); the answer reads them.
      ...(user.computed.length > 0 ? ['        await session.refresh(user)'] : []),
      '    return user',
    ].join('\n'),
    [
      'def _storable(text: str) -> bool:',
      '    """Form fields are not validated: text the database cannot compare is no login."""',
      '    try:',
      `        ${imports.from('app.schemas.common', 'check_text')}(text)`,
      '    except ValueError:',
      '        return False',
      '    return True',
    ].join('\n'),
  ];
  if (shaped) {
    const inner = names.withToken
      ? `${names.withToken}(**dict(${read}.model_validate(user)), token=${createToken}(str(user.id)))`
      : `${read}.model_validate(user)`;
    const value =
      api.objectKey === null ? inner : `${answerType}.model_validate({${pyStr(api.objectKey)}: ${inner}})`;
    if (names.withToken) imports.from('app.schemas.auth', names.withToken);
    blocks.push(
      [
        `def _answer(user: ${model}) -> ${answerType}:`,
        names.withToken
          ? '    """The user as answered by register, login and me: with a fresh access token."""'
          : '    """The user as answered by register and me."""',
        `    return ${value}`,
      ].join('\n'),
    );
  }
  const register = head(opOf('register') as IrOperation);
  blocks.push(
    [
      register.decorator,
      `async def register(session: ${session}, body: ${schema(names.register)}) -> ${answerType}:`,
      register.doc,
      ...unwrap('credentials').map((l) => `    ${l}`),
      `    data = ${bodyName}.model_dump(exclude_unset=True)`,
      `    data[${pyStr(password)}] = await ${hash}(${bodyName}.${password})`,
      ...deriveLines(derived, { body: bodyName, data: 'data', row: null }).map((l) => `    ${l}`),
      `    user = ${model}(**data)`,
      '    session.add(user)',
      `    await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
      '    await session.refresh(user)',
      `    return ${answerUser('user')}`,
    ].join('\n'),
  );
  const formOp = opOf('login');
  if (formOp) {
    const loginForm = head(formOp);
    blocks.push(
      [
        loginForm.decorator,
        'async def login(',
        `    session: ${session},`,
        `    form: ${imports.from('typing', 'Annotated')}[${imports.from('fastapi.security', 'OAuth2PasswordRequestForm')}, ${imports.from('fastapi', 'Depends')}()],`,
        `) -> ${schema(names.token)}:`,
        loginForm.doc,
        '    user = await _authenticate(session, form.username, form.password)',
        `    return ${schema(names.token)}(access_token=${createToken}(str(user.id)))`,
      ].join('\n'),
    );
  }
  const loginJson = head(opOf('login_json') as IrOperation);
  blocks.push(
    [
      loginJson.decorator,
      `async def login_json(session: ${session}, body: ${schema(names.loginJson)}) -> ${loginType}:`,
      loginJson.doc,
      ...unwrap('credentials').map((l) => `    ${l}`),
      `    user = await _authenticate(session, ${bodyName}.${login}, ${bodyName}.${password})`,
      `    return ${answerLogin('user')}`,
    ].join('\n'),
  );
  const me = head(opOf('me') as IrOperation);
  const currentUser = imports.from('app.api.deps', 'CurrentUser');
  // Per-viewer computed fields of the user (`followed`) are filled for the caller, who is the user answered.
  const viewed = viewerLoadOptions(user, user.schemas.read, imports, 'user');
  const seen = (row: string) =>
    viewed.length === 0 ? [] : [`    ${row} = await _for_viewer(session, ${row})`];
  if (viewed.length > 0) {
    blocks.push(
      [
        `async def _for_viewer(session: ${asyncSession}, user: ${model}) -> ${model}:`,
        '    """The user reloaded with the fields that depend on the caller."""',
        '    statement = (',
        `        ${imports.from('sqlalchemy', 'select')}(${model})`,
        `        .where(${model}.id == user.id)`,
        `        .options(${viewed.join(', ')})`,
        '        .execution_options(populate_existing=True)',
        '    )',
        '    return (await session.execute(statement)).scalar_one()',
      ].join('\n'),
    );
  }
  blocks.push(
    [
      me.decorator,
      viewed.length === 0
        ? `async def read_me(current_user: ${currentUser}) -> ${answerType}:`
        : `async def read_me(session: ${session}, current_user: ${currentUser}) -> ${answerType}:`,
      me.doc,
      ...seen('current_user'),
      `    return ${answerUser('current_user')}`,
    ].join('\n'),
  );
  for (const op of updates) {
    const h = head(op);
    const changes = api.bodyKey === null ? 'body' : 'changes';
    const hashesPassword = user.fields.some((f) => f.isPassword && f.inUpdate && f.id !== auth.role?.id);
    blocks.push(
      [
        h.decorator,
        signature(
          op.handler,
          [`session: ${session}`, `current_user: ${currentUser}`, `body: ${schema(names.selfUpdate)}`],
          answerType,
        ),
        h.doc,
        ...(api.bodyKey === null ? [] : [`    changes = body.${envelopeAttr(api.bodyKey)}`]),
        `    data = ${changes}.model_dump(exclude_unset=True)`,
        ...(hashesPassword
          ? [
              '    data.pop("current_password", None)',
              `    if ${changes}.${password} is not None:`,
              `        if ${changes}.current_password is None:`,
              `            raise ${imports.from('app.api.scoping', 'invalid')}(${pyStr(wireName(user, 'current_password'))}, "Required to change the password", None)`,
              `        if not await ${security('verify_password_async')}(${changes}.current_password, current_user.${password}):`,
              `            raise ${httpException}(status_code=403, detail="The current password is wrong")`,
              `        data[${pyStr(password)}] = await ${hash}(${changes}.${password})`,
            ]
          : []),
        ...deriveLines(derived, { body: changes, data: 'data', row: 'current_user' }).map((l) => `    ${l}`),
        '    for name, value in data.items():',
        '        setattr(current_user, name, value)',
        `    await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
        '    await session.refresh(current_user)',
        ...seen('current_user'),
        `    return ${answerUser('current_user')}`,
      ].join('\n'),
    );
  }
  return module(imports.render(), blocks, '"""Registration, login and the current user."""');
}

import type { IrEntity, IrOperation, IrOperationKind, IrProject } from '../ir/types';
import { module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import { responsesArg } from './errors';
import { decorator } from './handler';
import { classDef, fkInput, inputField } from './schemas';
import { inputMaxLength } from './types';

/** `app/schemas/auth.py`: token, JSON login body and the registration body (never carries the role). */
export function emitAuthSchemas(project: IrProject): string | null {
  const auth = project.auth;
  if (!auth) return null;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const imports = new Imports(['Token', 'LoginRequest', auth.registerSchema, ...user.memberNames]);
  const baseModel = imports.from('pydantic', 'BaseModel');
  const fields = user.fields.filter((f) => !f.readOnly && f.id !== auth.role?.id);
  const forbid = () => `model_config = ${imports.from('pydantic', 'ConfigDict')}(extra="forbid")`;
  const register = [
    forbid(),
    '',
    ...fields.map((f) => inputField(f, imports, 'create')),
    ...user.fks.filter((fk) => fk.inCreate).map((fk) => fkInput(fk, project, imports, 'create')),
  ];
  const safeStr = imports.from('app.schemas.common', 'SafeStr');
  return module(imports.render(), [
    classDef('Token', baseModel, 'A bearer access token.', [
      'access_token: str',
      'token_type: str = "bearer"',
    ]),
    classDef('LoginRequest', baseModel, 'Credentials as JSON (the form variant is `POST /auth/login`).', [
      forbid(),
      '',
      `${auth.login.name}: ${safeStr}`,
      `${auth.password.name}: ${safeStr}`,
    ]),
    classDef(auth.registerSchema, baseModel, 'Body of `POST /auth/register`.', register),
  ]);
}

/** `app/api/routes/auth.py`: register, OAuth2 form login (Swagger's Authorize), JSON login, me. */
export function emitAuthRoutes(project: IrProject): string | null {
  const auth = project.auth;
  if (!auth) return null;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const imports = new Imports([
    'router',
    '_authenticate',
    '_storable',
    'register',
    'login',
    'login_json',
    'read_me',
  ]);
  const model = imports.from(`app.models.${user.module}`, user.className);
  const read = imports.from(`app.schemas.${user.module}`, user.schemas.read);
  const token = imports.from('app.schemas.auth', 'Token');
  const session = imports.from('app.api.deps', 'SessionDep');
  const asyncSession = imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const httpException = imports.from('fastapi', 'HTTPException');
  const createToken = imports.from('app.core.security', 'create_access_token');
  const login = auth.login.name;
  const password = auth.password.name;
  const hash = imports.from('app.core.security', 'hash_password_async');
  const security = (name: string) => imports.from('app.core.security', name);
  const normalise = imports.from(`app.models.${user.module}`, 'normalise_login');
  // Decorator and docstring from the operation table, like the CRUD routes: errors documented, a description each.
  const head = (kind: IrOperationKind) => {
    const op = project.operations.find((o) => o.kind === kind) as IrOperation;
    const responses = responsesArg(op, imports);
    return {
      decorator: decorator(op, responses ? [responses] : []),
      doc: `    ${pyDocstring(op.description ?? op.handler, '    ')}`,
    };
  };
  const register = head('register');
  const loginForm = head('login');
  const loginJson = head('login_json');
  const me = head('me');
  const blocks = [
    `router = ${imports.from('fastapi', 'APIRouter')}(prefix="/auth", tags=["auth"])`,
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
      '            headers={"WWW-Authenticate": "Bearer"},',
      '        )',
      `    if ${security('password_needs_rehash')}(hashed):`,
      `        user.${password} = await ${hash}(password)`,
      '        await session.commit()',
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
    [
      register.decorator,
      `async def register(session: ${session}, body: ${imports.from('app.schemas.auth', auth.registerSchema)}) -> ${read}:`,
      register.doc,
      '    data = body.model_dump(exclude_unset=True)',
      `    data[${pyStr(password)}] = await ${hash}(body.${password})`,
      `    user = ${model}(**data)`,
      '    session.add(user)',
      `    await ${imports.from('app.api.deps', 'commit_or_409')}(session)`,
      '    await session.refresh(user)',
      `    return ${read}.model_validate(user)`,
    ].join('\n'),
    [
      loginForm.decorator,
      'async def login(',
      `    session: ${session},`,
      `    form: ${imports.from('typing', 'Annotated')}[${imports.from('fastapi.security', 'OAuth2PasswordRequestForm')}, ${imports.from('fastapi', 'Depends')}()],`,
      `) -> ${token}:`,
      loginForm.doc,
      '    user = await _authenticate(session, form.username, form.password)',
      `    return ${token}(access_token=${createToken}(str(user.id)))`,
    ].join('\n'),
    [
      loginJson.decorator,
      `async def login_json(session: ${session}, body: ${imports.from('app.schemas.auth', 'LoginRequest')}) -> ${token}:`,
      loginJson.doc,
      `    user = await _authenticate(session, body.${login}, body.${password})`,
      `    return ${token}(access_token=${createToken}(str(user.id)))`,
    ].join('\n'),
    [
      me.decorator,
      `async def read_me(current_user: ${imports.from('app.api.deps', 'CurrentUser')}) -> ${read}:`,
      me.doc,
      `    return ${read}.model_validate(current_user)`,
    ].join('\n'),
  ];
  return module(imports.render(), blocks, '"""Registration, login and the current user."""');
}

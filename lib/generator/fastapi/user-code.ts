import type { IrEntity, IrOperation, IrProject } from '../ir/types';
import { shortHash } from '../migrations';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import { argumentType, returnType, userModel } from './handler';
import { isViewerOp } from './viewer';

/**
 * The files the user owns (issue 18): a handler module per custom endpoint, called by the generated route, and
 * an optional hooks module per entity, called by the generated CRUD handlers when the user's file defines them.
 * These are scaffolds: the user's stored file is merged with them (lib/generator/user-code/apply.ts).
 */

export const HOOK_NAMES = [
  'before_create',
  'after_create',
  'before_update',
  'after_update',
  'before_delete',
  'after_delete',
] as const;
export type HookName = (typeof HOOK_NAMES)[number];

/** What the user's files change in the generated code. */
export type UserCodeInfo = {
  /** Custom handlers (`op.handler`) whose user file is no longer the scaffold: no "answers 501" test. */
  implemented: ReadonlySet<string>;
  /** The hooks each entity's user file defines, by entity id: the CRUD handlers call exactly these. */
  hooks: ReadonlyMap<string, ReadonlySet<HookName>>;
  /** The folders holding user files in the project (`app/handlers`...): each gets its `__init__.py`. */
  packages: ReadonlySet<string>;
};

export const NO_USER_CODE: UserCodeInfo = { implemented: new Set(), hooks: new Map(), packages: new Set() };

/**
 * The line of a scaffold naming what it belongs to (a hash of the endpoint's or entity's id: ids are any text,
 * and must not reach the Python source). Read back from a stored file's base, it follows a file whose path
 * changed with the design (an endpoint's new path, an entity's new name).
 */
export function scaffoldIdLine(kind: 'endpoint' | 'entity', id: string): string {
  return `# fastdraft-id: ${scaffoldId(kind, id)} (follows renames)`;
}

/** The scaffold id of an endpoint or entity (`endpoint-<16 hex>`): what `scaffoldIdOf` reads back. */
export function scaffoldId(kind: 'endpoint' | 'entity', id: string): string {
  return `${kind}-${shortHash(`${kind}:${id}`)}${shortHash(`~${kind}:${id}`)}`;
}

/** The scaffold id a text carries (`endpoint-<16 hex>`), or null. */
export function scaffoldIdOf(text: string): string | null {
  return /^# fastdraft-id: ((?:endpoint|entity)-[0-9a-f]{16})\b/m.exec(text)?.[1] ?? null;
}

/**
 * Longest module name of a user file (a route may be long): `    <name> as <name>_handler,` in the router's
 * wrapped import stays within ruff's 88 columns.
 */
const MODULE_MAX = 34;

/** A name cut to MODULE_MAX, a hash of the whole name keeping cut names apart. */
function moduleName(name: string): string {
  if (name.length <= MODULE_MAX) return name;
  return `${name.slice(0, MODULE_MAX - 9).replace(/_+$/, '')}_${shortHash(name)}`;
}

export const handlerModule = (op: IrOperation): string => moduleName(op.handler);
export const hooksModule = (entity: IrEntity): string => moduleName(entity.module);
export const handlerPath = (op: IrOperation): string => `app/handlers/${handlerModule(op)}.py`;
export const hooksPath = (entity: IrEntity): string => `app/hooks/${hooksModule(entity)}.py`;

/** `async def before_create(` at the start of a line: the hooks a user file defines (commented out ones do not count). */
export function definedHooks(content: string): Set<HookName> {
  const found = new Set<HookName>();
  for (const m of content.matchAll(/^async def ([a-z_]+)\s*\(/gm)) {
    const name = m[1] as HookName;
    if ((HOOK_NAMES as readonly string[]).includes(name)) found.add(name);
  }
  return found;
}

/** The caller parameter of a custom handler: the signed-in user, the optional viewer, or none. */
function callerType(op: IrOperation, project: IrProject, imports: Imports): string | null {
  if (!project.auth || !op.access) return null;
  if (op.access.kind !== 'public') return userModel(project, imports)();
  return isViewerOp(op) ? `${userModel(project, imports)()} | None` : null;
}

function signatureOf(name: string, params: string[], returns: string): string {
  return `async def ${name}(\n${indent(params.map((p) => `${p},`).join('\n'))}\n) -> ${returns}:`;
}

/** `app/handlers/<handler>.py`: `handle(...)` with the route's typed parameters, answering 501 until written. */
export function emitHandlerScaffold(op: IrOperation, project: IrProject): string {
  const entity = op.entityId ? (project.entityById.get(op.entityId) as IrEntity) : null;
  const imports = new Imports([
    'handle',
    'session',
    'current_user',
    ...op.params.map((p) => p.name),
    ...(op.body ? [op.body.param] : []),
  ]);
  const caller = callerType(op, project, imports);
  const params = [
    `session: ${imports.from('sqlalchemy.ext.asyncio', 'AsyncSession')}`,
    ...op.params.map((p) => `${p.name}: ${argumentType(p, project, imports, entity)}`),
    ...(caller ? [`current_user: ${caller}`] : []),
    ...(op.body ? [`${op.body.param}: ${imports.from(op.body.module, op.body.name)}`] : []),
  ];
  const route = `${op.method.toUpperCase()} ${op.path}`;
  // Design text (route, summary) only in one-line docstrings, the guidance in fixed comments: a changed
  // summary or path rewrites its own lines, never a paragraph the user may have edited.
  const summary = op.summary?.trim() ? `${op.summary.trim().replace(/\.$/, '')}.` : `Answers ${route}.`;
  const body = [
    pyDocstring(summary, '') ?? '',
    '# The parameters arrive validated. Commit the session when you change rows;',
    '# raise HTTPException with a clear message to refuse (404, 409, 422...).',
    `raise ${imports.from('fastapi', 'HTTPException')}(`,
    '    status_code=501,',
    // The same words for every handler: a change of the route never conflicts with a written body.
    `    detail=${pyStr("Not implemented yet: this endpoint's handler is still the scaffold")},`,
    ')',
  ];
  // The signature before `render`: it imports the types it names.
  const fn = `${signatureOf('handle', params, returnType(op, imports))}\n${indent(body.join('\n'))}`;
  const header = [
    pyDocstring(`${route}: your handler.`, '') ?? '',
    '',
    '# Fastdraft calls `handle` from the generated route and keeps this file when it',
    '# regenerates: a change of the endpoint (a new parameter, another schema) is',
    '# merged into it.',
    scaffoldIdLine('endpoint', op.customId ?? op.handler),
  ].join('\n');
  return module(imports.render(), [fn], header);
}

// No design text in a hook's docstring: a renamed entity changes its signature, never the line above the body.
const HOOK_DOCS: Record<HookName, string> = {
  before_create: 'Before a new row is stored: set or check fields of `row`.',
  after_create: 'After a new row is committed.',
  before_update: 'Before changes to a row are committed: `row` holds the new values.',
  after_update: 'After changes to a row are committed.',
  before_delete: 'Before a row is deleted.',
  after_delete: 'After a row is deleted (`row` is detached from the session).',
};

/** The hooks an entity's enabled operations can call. */
export function entityHooks(entity: IrEntity): HookName[] {
  const kinds = new Set(entity.operations.map((op) => op.kind));
  return HOOK_NAMES.filter((name) => kinds.has(name.split('_')[1] as 'create' | 'update' | 'delete'));
}

/** `app/hooks/<entity>.py`: every hook its operations can call, doing nothing. Null without create/update/delete. */
export function emitHooksScaffold(entity: IrEntity, project: IrProject): string | null {
  const hooks = entityHooks(entity);
  if (hooks.length === 0) return null;
  const imports = new Imports([...HOOK_NAMES, 'session', 'row', 'current_user']);
  const session = imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const model = imports.from(`app.models.${entity.module}`, entity.className);
  const caller = project.auth ? `${userModel(project, imports)()} | None` : null;
  const params = [`session: ${session}`, `row: ${model}`, ...(caller ? [`current_user: ${caller}`] : [])];
  const blocks = hooks.map((name) => {
    return `${signatureOf(name, params, 'None')}\n${indent(pyDocstring(HOOK_DOCS[name], '') ?? '')}`;
  });
  const header = [
    pyDocstring(`Your hooks on the ${entity.className} endpoints.`, '') ?? '',
    '',
    '# The generated handlers call each hook defined here (delete one and it is no',
    '# longer called). Raise HTTPException to refuse the request.',
    scaffoldIdLine('entity', entity.id),
  ].join('\n');
  return module(imports.render(), blocks, header);
}

/**
 * Every scaffold of the design's user files by path (unformatted): handlers, then hooks. `wanted` (path,
 * scaffold id) leaves out the hooks scaffolds a generation has no use for before they are written.
 */
export function userScaffoldsOf(
  project: IrProject,
  wanted: (path: string, id: string) => boolean = () => true,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of project.operations)
    if (op.kind === 'custom') out[handlerPath(op)] = emitHandlerScaffold(op, project);
  for (const entity of project.entities) {
    if (!wanted(hooksPath(entity), scaffoldId('entity', entity.id))) continue;
    const hooks = emitHooksScaffold(entity, project);
    if (hooks) out[hooksPath(entity)] = hooks;
  }
  return out;
}

/** `await <entity>_hooks.<hook>(session=..., row=..., current_user=...)`, or nothing when the user defines none. */
export function hookCall(
  entity: IrEntity,
  project: IrProject,
  info: UserCodeInfo,
  imports: Imports,
  hook: HookName,
  row: string,
  caller: string | null,
): string[] {
  if (!info.hooks.get(entity.id)?.has(hook)) return [];
  const hooks = imports.from('app.hooks', hooksModule(entity), `${hooksModule(entity)}_hooks`);
  const args = [
    `session=session`,
    `row=${row}`,
    ...(project.auth ? [`current_user=${caller ?? 'None'}`] : []),
  ];
  return [`await ${hooks}.${hook}(${args.join(', ')})`];
}

import type { QueryParamType } from '@/lib/design/schema';
import type { IrEntity, IrOperation, IrParam, IrProject } from '../ir/types';
import { indent } from '../python/code';
import type { Imports } from '../python/imports';
import { pyNumber, pyStr } from '../python/literal';
import { userParam } from './access';
import { entityPkType } from './columns';
import { pyValueType } from './types';
import { isViewerOp } from './viewer';

/**
 * What every route handler shares, read from its `IrOperation`: decorator, parameters in signature order,
 * return annotation. Bodies are the emitters' own (routes.ts, custom.ts).
 */

/** `Imports` of a route module: the module's own names, and every parameter (imports make way for them). */
export function routeModuleNames(ops: readonly IrOperation[], own: readonly string[]): string[] {
  return [
    ...own,
    ...ops.map((op) => op.handler),
    ...ops.flatMap((op) => [...op.params.map((p) => p.name), ...(op.body ? [op.body.param] : [])]),
  ];
}

export function userModel(project: IrProject, imports: Imports): () => string {
  return () => {
    const user = project.entityById.get(project.auth?.userId as string) as IrEntity;
    return imports.from(`app.models.${user.module}`, user.className);
  };
}

/** `lookup` and filter types: the field's Python type, or the primary key type of the entity referred to. */
export function paramType(
  param: IrParam,
  project: IrProject,
  imports: Imports,
  entity: IrEntity | null,
): string {
  const source = param.source;
  switch (source.kind) {
    case 'limit':
    case 'offset':
    case 'page':
      return 'int';
    case 'sort':
      return `${imports.from('typing', 'Literal')}[${source.keys.map(pyStr).join(', ')}]`;
    case 'segment':
      return 'str';
    case 'custom_query':
      return queryValueType(source.type, imports);
    case 'lookup': {
      const target = project.entityById.get(source.entityId) as IrEntity;
      return source.field ? pyValueType(source.field, imports, 'model') : entityPkType(target, imports);
    }
    case 'filter': {
      const ref = source.ref;
      if (ref.field) return pyValueType(ref.field, imports, 'model');
      const target = project.entityById.get(ref.via?.targetId ?? (entity?.id as string)) as IrEntity;
      return entityPkType(target, imports);
    }
  }
}

/**
 * A custom query parameter's Python type, as filters take values: text without NUL, integers within BIGINT,
 * finite floats (a value the handler compares with a column never overflows it).
 */
export function queryValueType(type: QueryParamType, imports: Imports): string {
  const common = (name: string) => imports.from('app.schemas.common', name);
  switch (type) {
    case 'string':
      return common('SafeStr');
    case 'integer':
      return common('Int64');
    case 'float':
      return imports.from('pydantic', 'FiniteFloat');
    case 'boolean':
      return 'bool';
    case 'date':
      return `${imports.module('datetime', 'dt')}.date`;
    case 'datetime':
      return `${imports.module('datetime', 'dt')}.datetime`;
    case 'uuid':
      return `${imports.module('uuid')}.UUID`;
  }
}

/** A parameter's type in a handler's signature: `| None` when an optional query parameter may be absent. */
export function argumentType(
  param: IrParam,
  project: IrProject,
  imports: Imports,
  entity: IrEntity | null,
): string {
  const type = paramType(param, project, imports, entity);
  return param.source.kind === 'custom_query' && !param.required ? `${type} | None` : type;
}

/** Whether a handler parameter has a default (so the ones after it must be keyword-only). */
export const hasDefault = (param: IrParam): boolean =>
  param.in === 'query' && !(param.source.kind === 'custom_query' && param.required);

function paramCode(param: IrParam, project: IrProject, imports: Imports, entity: IrEntity | null): string {
  const type = paramType(param, project, imports, entity);
  const annotated = () => imports.from('typing', 'Annotated');
  const query = () => imports.from('fastapi', 'Query');
  const source = param.source;
  // The URL name (`pageSize`) when it is not the Python one.
  const alias = param.name !== param.wire ? `alias=${pyStr(param.wire)}, ` : '';
  switch (source.kind) {
    case 'limit':
      return `${param.name}: ${annotated()}[int, ${query()}(${alias}ge=1, le=${pyNumber(source.max)})] = ${pyNumber(source.default)}`;
    case 'offset': {
      // Int64: an offset past the range is a 422 from validation, not a database overflow.
      const int64 = imports.from('app.schemas.common', 'Int64');
      return `${param.name}: ${annotated()}[${int64}, ${query()}(${alias}ge=0)] = 0`;
    }
    case 'page':
      return `${param.name}: ${annotated()}[int, ${query()}(${alias}ge=1, le=${pyNumber(source.max)})] = 1`;
    case 'sort':
      return `${param.name}: ${annotated()}[${type} | None, ${query()}()] = None`;
    case 'filter': {
      const alias = param.name !== param.wire ? `alias=${pyStr(param.wire)}` : '';
      return `${param.name}: ${annotated()}[${type} | None, ${query()}(${alias})] = None`;
    }
    case 'custom_query': {
      const args = [
        ...(param.name !== param.wire ? [`alias=${pyStr(param.wire)}`] : []),
        ...(source.description ? [`description=${pyStr(source.description)}`] : []),
      ].join(', ');
      if (param.required) return `${param.name}: ${annotated()}[${type}, ${query()}(${args})]`;
      return `${param.name}: ${annotated()}[${type} | None, ${query()}(${args})] = None`;
    }
    case 'lookup':
    case 'segment':
      if (param.name === param.wire) return `${param.name}: ${type}`;
      return `${param.name}: ${annotated()}[${type}, ${imports.from('fastapi', 'Path')}(alias=${pyStr(param.wire)})]`;
  }
}

/**
 * Parameters in signature order: the session, then the path/query parameters, the caller and the body for
 * custom routes, or the current user, the parameters and the body for resources.
 */
export function handlerParams(op: IrOperation, project: IrProject, imports: Imports): string[] {
  const entity = op.entityId ? (project.entityById.get(op.entityId) as IrEntity) : null;
  const params = op.params.map((p) => paramCode(p, project, imports, entity));
  const user = op.access ? userParam(op.access, imports, userModel(project, imports)) : null;
  const body = op.body ? `${op.body.param}: ${imports.from(op.body.module, op.body.name)}` : null;
  if (op.kind === 'custom') {
    const viewer =
      isViewerOp(op) && project.auth
        ? `current_user: ${imports.from('app.api.scoping', 'ViewerUser')}`
        : null;
    const caller = user ?? viewer;
    return [
      `session: ${imports.from('app.api.deps', 'SessionDep')}`,
      ...params,
      ...(caller ? [caller] : []),
      ...(body ? [body] : []),
    ];
  }
  return [
    `session: ${imports.from('app.api.deps', 'SessionDep')}`,
    ...(user ? [user] : []),
    ...params,
    ...(body ? [body] : []),
  ];
}

export function returnType(op: IrOperation, imports: Imports): string {
  if (!op.response) return 'None';
  const schema = imports.from(op.response.module, op.response.name);
  return op.response.list ? `list[${schema}]` : schema;
}

/** `@router.<method>(<route>[, status_code=...][, extra])`. */
export function decorator(op: IrOperation, extra: string[] = []): string {
  const args = [
    pyStr(op.route),
    ...(op.status !== 200 ? [`status_code=${op.status}`] : []),
    // The route name is the operation id: given when another router has a handler of the same name.
    ...(op.operationId !== op.handler ? [`name=${pyStr(op.operationId)}`] : []),
    ...extra,
  ];
  return `@router.${op.method}(${args.join(', ')})`;
}

export function signature(name: string, params: string[], returns: string): string {
  if (params.length === 0) return `async def ${name}() -> ${returns}:`;
  return `async def ${name}(\n${indent(params.map((p) => `${p},`).join('\n'))}\n) -> ${returns}:`;
}

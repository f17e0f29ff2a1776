import { withArticle } from '../ir/article';
import { customInputFields, customInputSchema } from '../ir/operations';
import type { IrEntity, IrProject } from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import { aliasConfig, aliasKw } from './envelopes';
import { responsesArg } from './errors';
import { decorator, handlerParams, hasDefault, returnType, routeModuleNames, signature } from './handler';
import { classDef, fkInput, inputField } from './schemas';
import { handlerModule } from './user-code';
import { isViewerOp } from './viewer';

/**
 * `app/api/routes/custom.py`: the routes of the hand-written endpoints. Each validates its parameters, then
 * calls `handle` of its user module (`app/handlers/<handler>.py`, a scaffold answering 501 until written).
 */
export function emitCustomRoutes(project: IrProject): string | null {
  const ops = project.operations.filter((op) => op.kind === 'custom');
  if (ops.length === 0) return null;
  const imports = new Imports(routeModuleNames(ops, ['router']));
  const blocks = [`router = ${imports.from('fastapi', 'APIRouter')}()`];
  for (const op of ops) {
    const params = handlerParams(op, project, imports);
    const names = params.map((p) => p.slice(0, p.indexOf(':')));
    // An optional query parameter has a default: the caller and body after it are keyword-only.
    const keywordOnly = op.params.some(hasDefault) ? ['*'] : [];
    const handler = imports.from('app.handlers', handlerModule(op), `${handlerModule(op)}_handler`);
    const call = `await ${handler}.handle(${names.map((n) => `${n}=${n}`).join(', ')})`;
    const extra = [
      `tags=[${pyStr(op.tag)}]`,
      `summary=${pyStr(op.summary ?? '')}`,
      responsesArg(op, imports, project.errorFormat) ?? '',
      // FastAPI appends listed security to the scheme's own: `{}` makes the viewer's token optional in OpenAPI.
      isViewerOp(op) && project.auth ? 'openapi_extra={"security": [{}]}' : '',
    ].filter((a) => a !== '');
    // The docstring is the operation's description in OpenAPI.
    const body = [pyDocstring(op.description ?? '', '') ?? '', op.response ? `return ${call}` : call];
    blocks.push(
      `${decorator(op, extra)}\n${signature(op.handler, [...keywordOnly, ...params], returnType(op, imports))}\n${indent(body.join('\n'))}`,
    );
  }
  return module(
    imports.render(),
    blocks,
    '"""Hand-written endpoints: each route calls its module in app/handlers."""',
  );
}

/**
 * `app/schemas/custom.py`: `<Entity>Input`, the body of custom endpoints taking that entity: what a client may
 * set (no password, write-only secret, role or server-set field), unknown fields refused.
 */
export function emitCustomSchemas(project: IrProject): string | null {
  const ids = [
    ...new Set(
      project.operations.flatMap((op) =>
        op.kind === 'custom' && op.body?.entityId ? [op.body.entityId] : [],
      ),
    ),
  ];
  if (ids.length === 0) return null;
  const entities = ids.map((id) => project.entityById.get(id) as IrEntity);
  const imports = new Imports([
    ...entities.map((e) => customInputSchema(e).name),
    ...entities.flatMap((e) => e.memberNames),
  ]);
  const baseModel = imports.from('pydantic', 'BaseModel');
  const configDict = imports.from('pydantic', 'ConfigDict');
  const blocks = entities.map((entity) => {
    const { fields, fks } = customInputFields(entity, project);
    const config = `model_config = ${configDict}(${['extra="forbid"', ...aliasConfig(entity.wire.size > 0)].join(', ')})`;
    return classDef(
      customInputSchema(entity).name,
      baseModel,
      `What a custom endpoint takes of ${withArticle(entity.className)}: the fields a client may set.`,
      [
        config,
        ...(fields.length + fks.length > 0 ? [''] : []),
        ...fields.map((f) => inputField(f, imports, 'create', aliasKw(entity, f.name))),
        ...fks.map((fk) => fkInput(fk, project, imports, 'create', aliasKw(entity, fk.column))),
      ],
    );
  });
  return module(imports.render(), blocks, '"""Request bodies of the custom endpoints."""');
}

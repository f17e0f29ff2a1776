import { withArticle } from '../ir/article';
import { customInputFields, customInputSchema } from '../ir/operations';
import type { IrEntity, IrProject } from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';
import { aliasConfig, aliasKw } from './envelopes';
import { responsesArg } from './errors';
import { decorator, handlerParams, returnType, routeModuleNames, signature } from './handler';
import { classDef, fkInput, inputField } from './schemas';

/** `app/api/routes/custom.py`: typed stubs of the hand-written endpoints, answering 501 until implemented. */
export function emitCustomRoutes(project: IrProject): string | null {
  const ops = project.operations.filter((op) => op.kind === 'custom');
  if (ops.length === 0) return null;
  const imports = new Imports(routeModuleNames(ops, ['router']));
  const blocks = [`router = ${imports.from('fastapi', 'APIRouter')}()`];
  for (const op of ops) {
    const params = handlerParams(op, project, imports);
    const body = [
      `raise ${imports.from('fastapi', 'HTTPException')}(`,
      '    status_code=501,',
      `    detail=${pyStr(`Not implemented yet: ${op.method.toUpperCase()} ${op.path}`)},`,
      ')',
    ];
    if (params.length > 0) body.unshift('# TODO: implement. The parameters above are already validated.');
    const extra = [
      `tags=[${pyStr(op.tag)}]`,
      `summary=${pyStr(op.summary ?? '')}`,
      responsesArg(op, imports, project.errorFormat) ?? '',
    ].filter((a) => a !== '');
    // The docstring is the operation's description in OpenAPI.
    body.unshift(pyDocstring(op.description ?? '', '') ?? '');
    blocks.push(
      `${decorator(op, extra)}\n${signature(op.handler, params, returnType(op, imports))}\n${indent(body.join('\n'))}`,
    );
  }
  return module(
    imports.render(),
    blocks,
    '"""Hand-written endpoints: typed stubs answering 501 until implemented."""',
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

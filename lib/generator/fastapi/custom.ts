import type { IrProject } from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyStr } from '../python/literal';
import { decorator, handlerParams, returnType, routeModuleNames, signature } from './handler';

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
    const tags = `tags=[${pyStr(op.tag)}]`;
    const summary = `summary=${pyStr(op.summary ?? '')}`;
    blocks.push(
      `${decorator(op, [tags, summary])}\n${signature(op.handler, params, returnType(op, imports))}\n${indent(body.join('\n'))}`,
    );
  }
  return module(
    imports.render(),
    blocks,
    '"""Hand-written endpoints: typed stubs answering 501 until implemented."""',
  );
}

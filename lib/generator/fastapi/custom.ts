import { PYTHON_KEYWORDS } from '@/lib/design/names';
import type { IrEntity, IrProject } from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyStr } from '../python/literal';
import { userParam } from './access';
import { responseSchema } from './schemas';

/** `app/api/routes/custom.py`: typed stubs of the hand-written endpoints, answering 501 until implemented. */
export function emitCustomRoutes(project: IrProject): string | null {
  if (project.customEndpoints.length === 0) return null;
  const imports = new Imports(['router', ...project.customEndpoints.map((e) => e.functionName)]);
  const blocks = [`router = ${imports.from('fastapi', 'APIRouter')}()`];
  for (const endpoint of project.customEndpoints) {
    const params: string[] = [];
    const taken = new Set(['current_user', 'body']);
    for (const name of endpoint.pathParams) {
      // Keywords and our own parameter names are renamed; FastAPI still reads the original via the alias.
      if (PYTHON_KEYWORDS.has(name) || taken.has(name)) {
        const annotated = imports.from('typing', 'Annotated');
        params.push(`${name}_: ${annotated}[str, ${imports.from('fastapi', 'Path')}(alias=${pyStr(name)})]`);
      } else params.push(`${name}: str`);
    }
    const user = userParam(endpoint.access, imports, () => {
      const u = project.entityById.get(project.auth?.userId as string) as IrEntity;
      return imports.from(`app.models.${u.module}`, u.className);
    });
    if (user) params.push(user);
    if (endpoint.requestId) {
      const e = project.entityById.get(endpoint.requestId) as IrEntity;
      params.push(`body: ${imports.from(`app.schemas.${e.module}`, e.schemas.create)}`);
    }
    let returns = 'None';
    if (endpoint.response) {
      const e = project.entityById.get(endpoint.response.entityId) as IrEntity;
      const schema = e.schemas.detail
        ? imports.from('app.schemas.responses', e.schemas.detail)
        : imports.from(`app.schemas.${e.module}`, responseSchema(e));
      returns = endpoint.response.list ? `list[${schema}]` : schema;
    }
    const tag = endpoint.entityId
      ? (project.entityById.get(endpoint.entityId) as IrEntity).resource.tag
      : 'custom';
    const decorator = `@router.${endpoint.method.toLowerCase()}(${pyStr(endpoint.path)}, tags=[${pyStr(tag)}], summary=${pyStr(endpoint.summary)})`;
    const sig =
      params.length > 0
        ? `async def ${endpoint.functionName}(\n${indent(params.map((p) => `${p},`).join('\n'))}\n) -> ${returns}:`
        : `async def ${endpoint.functionName}() -> ${returns}:`;
    const used = endpoint.pathParams.length + (endpoint.requestId ? 1 : 0) + (user ? 1 : 0);
    const body = [
      `raise ${imports.from('fastapi', 'HTTPException')}(`,
      '    status_code=501,',
      `    detail=${pyStr(`Not implemented yet: ${endpoint.method} ${endpoint.path}`)},`,
      ')',
    ];
    if (used > 0) body.unshift('# TODO: implement. The parameters above are already validated.');
    blocks.push(`${decorator}\n${sig}\n${indent(body.join('\n'))}`);
  }
  return module(
    imports.render(),
    blocks,
    '"""Hand-written endpoints: typed stubs answering 501 until implemented."""',
  );
}

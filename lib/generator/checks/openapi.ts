import type { Diagnostic } from './types';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Structural validation of an OpenAPI 3.1 document: required top-level fields, operations with unique
 * operationIds and responses, path parameters declared, every `$ref` resolvable.
 */
export function openApiDiagnostics(file: string, doc: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (message: string, rule = 'openapi') =>
    out.push({ file, line: 1, column: 1, rule, message, severity: 'error' });
  if (!isObject(doc))
    return [{ file, line: 1, column: 1, rule: 'openapi', message: 'Not an object', severity: 'error' }];
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) report('`openapi` must be 3.1.x');
  if (!isObject(doc.info) || typeof doc.info.title !== 'string' || typeof doc.info.version !== 'string') {
    report('`info.title` and `info.version` are required');
  }
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const ids = new Set<string>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!route.startsWith('/')) report(`Path '${route}' must start with '/'`);
    if (!isObject(item)) continue;
    const templated = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method) || !isObject(op)) continue;
      const where = `${method.toUpperCase()} ${route}`;
      if (typeof op.operationId === 'string') {
        if (ids.has(op.operationId)) report(`${where}: duplicate operationId '${op.operationId}'`);
        ids.add(op.operationId);
      }
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) report(`${where}: no responses`);
      const params = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
      for (const name of templated) {
        if (!params.some((p) => p.in === 'path' && p.name === name && p.required === true)) {
          report(`${where}: path parameter '${name}' is not declared as a required path parameter`);
        }
      }
    }
  }
  securityDiagnostics(doc, report);
  const text = JSON.stringify(doc);
  for (const match of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
    const name = match[1] as string;
    if (!(name in schemas)) report(`Unresolved $ref to schema '${name}'`, 'openapi-ref');
  }
  return out;
}

/** Security schemes complete (an API key names its header), and every operation's security declared. */
function securityDiagnostics(
  doc: Record<string, unknown>,
  report: (message: string, rule?: string) => void,
): void {
  const components = isObject(doc.components) ? doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme)) continue;
    if (
      scheme.type === 'apiKey' &&
      (typeof scheme.name !== 'string' || !['header', 'query', 'cookie'].includes(String(scheme.in)))
    )
      report(
        `Security scheme '${name}': an apiKey needs \`name\` and \`in\` (header, query or cookie)`,
        'openapi-security',
      );
    if (scheme.type === 'http' && typeof scheme.scheme !== 'string')
      report(`Security scheme '${name}': an http scheme needs \`scheme\``, 'openapi-security');
  }
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method) || !isObject(op) || !Array.isArray(op.security)) continue;
      for (const requirement of op.security.filter(isObject)) {
        for (const name of Object.keys(requirement)) {
          if (!(name in schemes))
            report(
              `${method.toUpperCase()} ${route}: security scheme '${name}' is not declared`,
              'openapi-security',
            );
        }
      }
    }
  }
}

import { styled } from '../api-shape';
import { isSnakeCase, PYTHON_KEYWORDS } from '../names';
import type { CustomEndpoint } from '../schema';
import type { Context } from './context';
import type { ProblemCode } from './problem';

/**
 * Names a custom handler takes besides its path and query parameters (the session, the caller, the body):
 * a query parameter called so would read as one of them in `handle(...)`.
 */
export const RESERVED_QUERY_NAMES: ReadonlySet<string> = new Set(['session', 'current_user', 'body']);

/**
 * A custom endpoint's query parameters: snake_case names (sent in the API's naming style), no keyword or
 * reserved name, unique by name and by API name, none named like a path parameter of the served path.
 */
export function checkCustomQuery(
  ctx: Context,
  endpoint: CustomEndpoint,
  path: string,
  label: string,
  servedPath: string,
): void {
  const naming = ctx.design.api.naming;
  const segments = new Set([...servedPath.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string));
  const wires = new Map<string, string>();
  (endpoint.query ?? []).forEach((param, j) => {
    const at = `${path}.query[${j}].name`;
    const report = (code: ProblemCode, message: string) =>
      ctx.report(code, at, `${label}: ${message}`, endpoint.id);
    const name = param.name;
    if (!isSnakeCase(name)) {
      report('invalid-name', `the query parameter '${name}' needs a snake_case name (e.g. published_after).`);
      return;
    }
    if (PYTHON_KEYWORDS.has(name)) {
      report(
        'invalid-name',
        `the query parameter '${name}' is a Python keyword and cannot be a handler argument.`,
      );
      return;
    }
    if (RESERVED_QUERY_NAMES.has(name)) {
      report(
        'reserved-query-param',
        `'${name}' is an argument of every handler: name the query parameter otherwise.`,
      );
      return;
    }
    const wire = styled(name, naming);
    if (segments.has(name) || [...segments].some((s) => styled(s, naming) === wire)) {
      report('reserved-query-param', `the query parameter '${name}' has the name of a path parameter.`);
      return;
    }
    const other = wires.get(wire);
    if (other !== undefined) {
      report(
        'duplicate-api-name',
        other === name
          ? `two query parameters are called '${name}'.`
          : `the query parameters '${other}' and '${name}' are both sent as '${wire}'.`,
      );
      return;
    }
    wires.set(wire, name);
  });
}

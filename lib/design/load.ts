import { formatPath } from './paths';
import { type Design, DesignSchema } from './schema';
import { upgradeDocument } from './upgrade';

export { emptyDesign } from './factories';

export type LoadIssue = { path: string; message: string };
export type LoadResult = { ok: true; design: Design } | { ok: false; issues: LoadIssue[] };

/**
 * Reads a stored design (parsed JSON, or the JSON text): upgrades older formats, then checks the shape.
 * Issues come in document order with paths like `entities[2].fields[0].type`. Semantic problems (dangling
 * references, reserved names...) are `validateDesign`'s job: a loadable design may still have problems.
 */
export function loadDesign(json: unknown): LoadResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      return { ok: false, issues: [{ path: '', message: `Not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const upgraded = upgradeDocument(input);
  if (!upgraded.ok) return { ok: false, issues: [{ path: upgraded.path, message: upgraded.message }] };
  const parsed = DesignSchema.safeParse(upgraded.doc);
  if (parsed.success) return { ok: true, design: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

import type { Problem } from '@/lib/design';

export type SplitProblems = { byProp: Map<string, Problem[]>; rest: Problem[] };

/**
 * Sorts an element's problems onto the form controls that can fix them: the first path segment after
 * `prefix` (e.g. `name` in `entities[0].fields[1].name`) names the control. Unmatched ones go to `rest`.
 */
export function splitProblems(
  problems: readonly Problem[],
  prefix: string,
  props: readonly string[],
): SplitProblems {
  const byProp = new Map<string, Problem[]>();
  const rest: Problem[] = [];
  for (const problem of problems) {
    const tail = problem.path.startsWith(`${prefix}.`) ? problem.path.slice(prefix.length + 1) : null;
    const prop = tail?.split(/[.[]/)[0];
    if (prop !== undefined && props.includes(prop)) byProp.set(prop, [...(byProp.get(prop) ?? []), problem]);
    else rest.push(problem);
  }
  return { byProp, rest };
}

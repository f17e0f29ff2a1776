import type { Design } from '@/lib/design/schema';
import { type Problem, validateDesign } from '@/lib/design/validate';
import { emitFastApiProject } from './fastapi/project';
import { scaffoldIdOf, userScaffoldsOf } from './fastapi/user-code';
import { formatPython } from './format/ruff';
import { buildIr } from './ir/build';
import { type DesignVersion, migrationFiles } from './migrations';
import { applyUserCode } from './user-code/apply';
import type { FileOwner, UserCode, UserCodeProblem } from './user-code/types';

export type GenerateOptions = {
  projectName?: string;
  /**
   * Committed versions of the design, oldest first: migrations then follow the history (one Alembic revision
   * per schema change, see `lib/generator/migrations`). Without it (or empty), one initial migration.
   */
  history?: readonly DesignVersion[];
  /**
   * The user's stored files (handlers, hooks, tests): merged with this generation's scaffolds (see
   * `lib/generator/user-code/apply.ts`). Without it, every handler is its scaffold and no hook is called.
   */
  userCode?: UserCode;
};

export type GenerateResult =
  | {
      ok: true;
      /** Every file of the project, generated and the user's, sorted by path. */
      files: Record<string, string>;
      /** Who writes each file of `files`. */
      owners: Record<string, FileOwner>;
      /** The user code to store after this generation (merged contents, new bases); see `UserCodeMerge.state`. */
      userCode: UserCode;
      /** User files kept but out of the project: their endpoint or entity is gone. */
      orphaned: string[];
      /** User files moved with their endpoint or entity (path or name changed): stored under `to` from now on. */
      renamed: { from: string; to: string }[];
      /** Merge conflicts and refused user files, with file and line. */
      userCodeProblems: UserCodeProblem[];
      /** True while a user file holds conflict markers: the preview must not run it. */
      blocked: boolean;
    }
  | { ok: false; problems: Problem[] };

/** What `renderProject` returns: the files, unformatted. */
export type RenderResult = { ok: true; files: Record<string, string> } | { ok: false; problems: Problem[] };

function sortKeys(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(files).sort()) out[key] = files[key] as string;
  return out;
}

type Format = (files: Record<string, string>) => Record<string, string>;

/**
 * Which scaffolds this generation can use: every handler (each route calls one), and the hooks of entities the
 * user has a file for (at its path, or followed from a rename). Writing and formatting a hooks scaffold per
 * entity of a large design on every generation would be wasted work.
 */
function scaffoldsWanted(userCode: UserCode): (path: string, id: string) => boolean {
  const files = typeof userCode?.files === 'object' && userCode.files !== null ? userCode.files : {};
  const ids = new Set<string>();
  for (const file of Object.values(files)) {
    const id = typeof file?.base === 'string' ? scaffoldIdOf(file.base) : null;
    if (id) ids.add(id);
  }
  return (path, id) => path.startsWith('app/handlers/') || Object.hasOwn(files, path) || ids.has(id);
}

type Staged = { ok: true; generated: Record<string, string>; merged: ReturnType<typeof applyUserCode> };

/** Everything up to formatting the generated files: validate, IR, user code merged, emitters. */
function stage(
  design: Design,
  options: GenerateOptions,
  format: Format,
): Staged | { ok: false; problems: Problem[] } {
  const problems = validateDesign(design);
  if (problems.length > 0) return { ok: false, problems };
  const ir = buildIr(design, options.projectName);
  // Scaffolds are merged formatted: the user starts from (and stores as base) what the project shows.
  const userCode = options.userCode ?? { files: {} };
  const merged = applyUserCode(ir, format(userScaffoldsOf(ir, scaffoldsWanted(userCode))), userCode);
  const generated = emitFastApiProject(ir, merged.info);
  const migrations = options.history ? migrationFiles(options.history, design, options.projectName) : null;
  if (migrations) {
    delete generated['alembic/versions/0001_initial.py'];
    Object.assign(generated, migrations);
  }
  return { ok: true, generated, merged };
}

/** The formatted generated files with the user's files beside them (theirs byte for byte: never reformatted). */
function finish({ merged }: Staged, formatted: Record<string, string>): GenerateResult {
  const owners: Record<string, FileOwner> = {};
  for (const path of Object.keys(formatted)) owners[path] = 'generator';
  const userProblems: UserCodeProblem[] = [...merged.problems];
  for (const path of Object.keys(merged.files)) {
    // The roots hold no generated file but their `__init__.py` (refused as a path): a second guard.
    if (Object.hasOwn(formatted, path)) {
      userProblems.push({
        code: 'user-file-refused',
        path,
        line: 1,
        message: `${path} is written by the generator: a user file cannot replace it`,
      });
      continue;
    }
    formatted[path] = merged.files[path] as string;
    owners[path] = 'user';
  }
  return {
    ok: true,
    files: sortKeys(formatted),
    owners: sortKeys(owners) as Record<string, FileOwner>,
    userCode: merged.state,
    orphaned: merged.orphaned,
    renamed: merged.renamed,
    userCodeProblems: userProblems,
    blocked: userProblems.some((p) => p.code === 'merge-conflict'),
  };
}

function build(design: Design, options: GenerateOptions, format: Format): GenerateResult {
  const staged = stage(design, options, format);
  return staged.ok ? finish(staged, format(staged.generated)) : staged;
}

/** design -> IR -> emitters, no formatting: pure TypeScript, usable anywhere (scaffolds unformatted too). */
export function renderProject(design: Design, options: GenerateOptions = {}): RenderResult {
  const result = build(design, options, (files) => files);
  return result.ok ? { ok: true, files: result.files } : result;
}

/**
 * The generated FastAPI project as a sorted `path -> contents` map, ruff-formatted, with the user's files
 * merged in. Same design and user code, same bytes. Designs with validation problems are refused with those
 * problems.
 */
export function generateProject(design: Design, options: GenerateOptions = {}): GenerateResult {
  return build(design, options, formatPython);
}

/**
 * `generateProject` whose generated files are formatted by `formatFiles`, which must return what
 * `formatPython` would (the worker pool formats and checks them on helper threads too: lib/jobs/shared-checks.ts).
 * The few scaffolds merged with the user's code are formatted here, as in `generateProject`.
 */
export async function generateProjectWith(
  design: Design,
  options: GenerateOptions,
  formatFiles: (files: Record<string, string>) => Promise<Record<string, string>>,
): Promise<GenerateResult> {
  const staged = stage(design, options, formatPython);
  return staged.ok ? finish(staged, await formatFiles(staged.generated)) : staged;
}

/**
 * Every user file the design offers, formatted, by path: the handler of each custom endpoint and the hooks of
 * each entity with create/update/delete. A new user file starts as `{ content: scaffold, base: scaffold }`
 * ("Write the handler", "Add hooks"). Null when the design has problems.
 */
export function userScaffolds(design: Design, projectName?: string): Record<string, string> | null {
  if (validateDesign(design).length > 0) return null;
  return formatPython(userScaffoldsOf(buildIr(design, projectName)));
}

import type { Design } from '@/lib/design/schema';
import { type Problem, validateDesign } from '@/lib/design/validate';
import { emitFastApiProject } from './fastapi/project';
import { formatPython } from './format/ruff';
import { buildIr } from './ir/build';
import { type DesignVersion, migrationFiles } from './migrations';

export type GenerateOptions = {
  projectName?: string;
  /**
   * Committed versions of the design, oldest first: migrations then follow the history (one Alembic revision
   * per schema change, see `lib/generator/migrations`). Without it (or empty), one initial migration.
   */
  history?: readonly DesignVersion[];
};
export type GenerateResult = { ok: true; files: Record<string, string> } | { ok: false; problems: Problem[] };

function sortKeys(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(files).sort()) out[key] = files[key] as string;
  return out;
}

/** design -> IR -> emitters, no formatting: pure TypeScript, usable anywhere. */
export function renderProject(design: Design, options: GenerateOptions = {}): GenerateResult {
  const problems = validateDesign(design);
  if (problems.length > 0) return { ok: false, problems };
  const ir = buildIr(design, options.projectName);
  const files = emitFastApiProject(ir);
  const migrations = options.history ? migrationFiles(options.history, design, options.projectName) : null;
  if (migrations) {
    delete files['alembic/versions/0001_initial.py'];
    Object.assign(files, migrations);
  }
  return { ok: true, files: sortKeys(files) };
}

/**
 * The generated FastAPI project as a sorted `path -> contents` map, ruff-formatted. Same design, same bytes.
 * Designs with validation problems are refused with those problems.
 */
export function generateProject(design: Design, options: GenerateOptions = {}): GenerateResult {
  const rendered = renderProject(design, options);
  if (!rendered.ok) return rendered;
  return { ok: true, files: formatPython(rendered.files) };
}

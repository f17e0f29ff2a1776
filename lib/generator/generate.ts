import type { Design } from '@/lib/design/schema';
import { type Problem, validateDesign } from '@/lib/design/validate';
import { emitFastApiProject } from './fastapi/project';
import { formatPython } from './format/ruff';
import { buildIr } from './ir/build';

export type GenerateOptions = { projectName?: string };
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
  return { ok: true, files: sortKeys(emitFastApiProject(ir)) };
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

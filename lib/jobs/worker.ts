/**
 * The worker pool's entry (bundled by scripts/build-workers.mjs; run in worker threads by lib/jobs/pool.ts):
 * generation, checks and export of one design, so the server's event loop never runs them. Each thread keeps
 * its own ruff / tree-sitter instances and content caches. Pure TypeScript: no `server-only`, no I/O beyond
 * the grammar file tree-sitter reads once.
 */
import os from 'node:os';
import { move } from 'piscina';
import { type Design, loadDesign, type Problem, templates, validateDesign } from '@/lib/design';
import { projectSlug, zipProject } from '@/lib/export/zip';
import { type Diagnostic, generateProject, generateProjectWith } from '@/lib/generator';
import { ImportError, importSource } from '@/lib/import';
import { layoutImport } from '@/lib/import/layout';
import { planImport } from '@/lib/import/plan';
import { type CarrySchema, carrySchema as carrySchemaOf } from '@/lib/runner/preview/carry-plan';
import { checkWithHelpers, formatWithHelpers } from './shared-checks';
import type {
  CheckInput,
  DesignProblemJson,
  ExportJobResult,
  FilesJobResult,
  GenerateJobResult,
  GenerateResponseBody,
  ImportInput,
  ImportJobResult,
  JobInput,
  JobPort,
  Refusal,
  ValidateJobResult,
} from './types';

/** The helper threads' task (lib/jobs/helpers.ts): not a job of its own, part of a job that checks. */
export { checkShare } from './shared-checks';

/**
 * Generation is background work next to the server's requests: this thread runs at a lower CPU priority, so
 * the main thread wins a contended core. Linux nice values are per thread, so this lowers only this thread
 * (elsewhere it may lower the process, or be refused: harmless).
 */
const WORKER_NICE = 10;
try {
  os.setPriority(WORKER_NICE);
} catch {
  // Not permitted here: the thread keeps the normal priority.
}

type Loaded = { design: Design } | Refusal;

/** Size and depth were checked before the job was posted (lib/api/generate.ts); the schema does the rest. */
function load(input: JobInput): Loaded {
  const loaded = loadDesign(input.design);
  return loaded.ok ? { design: loaded.design } : { refused: 'invalid', issues: loaded.issues };
}

const problemJson = ({ code, path, message, elementId }: Problem): DesignProblemJson => ({
  code,
  path,
  message,
  elementId,
});

const options = (input: JobInput) => ({
  ...(input.history ? { history: input.history } : {}),
  ...(input.projectName ? { projectName: input.projectName } : {}),
  ...(input.userCode ? { userCode: input.userCode } : {}),
});

/** The generated project with the user's files merged in (three-way): what is checked, previewed and exported. */
function generated(input: JobInput, design: Design) {
  return generateProject(design, options(input));
}

/** Generate and check (the IDE's Code view): the response body, serialized here. */
export async function generate(input: JobInput & JobPort): Promise<GenerateJobResult> {
  const loaded = load(input);
  if ('refused' in loaded) return loaded;
  // Formatting is spread over helper threads like the checks; each thread checks what it formatted.
  const result = await generateProjectWith(loaded.design, options(input), (files) =>
    formatWithHelpers(files, input.helpers),
  );
  let body: GenerateResponseBody;
  if (!result.ok) body = { ok: false, problems: result.problems.map(problemJson) };
  else {
    const diagnostics = await checkWithHelpers(result.files, input.helpers);
    body = {
      ok: true,
      files: result.files,
      owners: result.owners,
      diagnostics,
      userCodeProblems: result.userCodeProblems,
      blocked: result.blocked,
      orphaned: result.orphaned,
      userCode: result.userCode,
      generatedAt: new Date().toISOString(),
    };
  }
  // UTF-8 bytes moved (not copied) to the main thread, which writes them as they are.
  return move(new TextEncoder().encode(JSON.stringify(body))) as Uint8Array<ArrayBuffer>;
}

/** The generated files only (the SQL route runs them through Python). */
export function files(input: JobInput): FilesJobResult {
  const loaded = load(input);
  if ('refused' in loaded) return loaded;
  const result = generated(input, loaded.design);
  return result.ok ? result : { ok: false, problems: result.problems.map(problemJson) };
}

/** The project zip (a few MB at most: cloned back to the main thread). */
export function exportZip(input: JobInput): ExportJobResult {
  const loaded = load(input);
  if ('refused' in loaded) return loaded;
  const result = generated(input, loaded.design);
  if (!result.ok) return { ok: false, problems: result.problems.map(problemJson) };
  return {
    ok: true,
    bytes: zipProject(loaded.design, result.files, result.userCode),
    name: `${projectSlug(loaded.design)}.zip`,
  };
}

/** The design's semantic problems (the preview's validate step). */
export function validate(input: JobInput): ValidateJobResult {
  const loaded = load(input);
  if ('refused' in loaded) return loaded;
  return { problems: validateDesign(loaded.design).map(problemJson) };
}

/** `checkProject` on generated files (the preview's check step). */
export function check(input: CheckInput & JobPort): Promise<Diagnostic[]> {
  return checkWithHelpers(input.files, input.helpers);
}

/** The design's tables and columns by key (the preview's data carry-over; the design generates). */
export function carrySchema(input: JobInput): Refusal | CarrySchema {
  const loaded = load(input);
  if ('refused' in loaded) return loaded;
  return carrySchemaOf(loaded.design);
}

/**
 * A SQL schema or OpenAPI document read, laid out and planned as operations on the target (the posted or stored
 * design; a blank one for a new workspace). A source that does not read is an answer, not a failure.
 */
async function importJob(input: ImportInput): Promise<ImportJobResult> {
  let target: Design = templates.blank();
  if (input.target !== undefined) {
    const loaded = loadDesign(input.target);
    if (!loaded.ok) return { refused: 'invalid', issues: loaded.issues };
    target = loaded.design;
  }
  try {
    const { design, report } = await importSource({
      text: input.text,
      ...(input.format ? { format: input.format } : {}),
    });
    const plan = planImport(design, target, input.mode, await layoutImport(design));
    return { ok: true, format: report.format, name: design.name, report, plan };
  } catch (error) {
    if (error instanceof ImportError)
      return { ok: false, message: error.message, ...(error.at ? { at: error.at } : {}) };
    throw error;
  }
}

// `import` is a keyword, not a name a function can have; the pool calls the export by this name.
export { importJob as import };

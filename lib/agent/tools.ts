/**
 * The assistant's tools. They read and change only the draft (never the stored design or code, never generated
 * files; user files are written into the draft):
 * the person decides what happens to the draft. Results are plain JSON the model reads; failures are results too
 * (`ok: false` with the reason), so the model can correct itself.
 */
import { tool } from 'ai';
import { z } from 'zod';
import { type Design, OperationSchema } from '@/lib/design';
import type { Diagnostic } from '@/lib/generator';
import { USER_CODE_LIMITS, userPathProblem } from '@/lib/generator/user-code/paths';
import type { UserCode, UserCodeProblem } from '@/lib/generator/user-code/types';
import { type JobOptions, runJob } from '@/lib/jobs/pool';
import type { ProjectChecks } from '@/lib/runner/project-checks';
import type { Draft } from './draft';

/** mypy --strict and pytest of a project in the sandbox, or why they cannot run here. */
export type RunProjectChecks = (
  files: Record<string, string>,
) => Promise<ProjectChecks | { unavailable: string }>;

export type PreviewCall = { method: string; path: string; body?: unknown; bearerToken?: string };
export type PreviewAnswer = { status: number; body: string } | { unavailable: string };
export type CallPreview = (call: PreviewCall) => Promise<PreviewAnswer>;

const MAX_TEXT = 24_000;
const MAX_DIAGNOSTICS = 40;
const MAX_FINDINGS = 30;

const clip = (text: string, max = MAX_TEXT) =>
  text.length <= max ? text : `${text.slice(0, max)}\n... (${text.length - max} more characters cut)`;

/** The design without canvas positions: what matters for reasoning about the API. */
function modelOf(design: Design, entity?: string) {
  const { layout: _layout, ...rest } = design;
  if (!entity) return rest;
  const found = design.entities.find((e) => e.id === entity || e.name.toLowerCase() === entity.toLowerCase());
  if (!found)
    return { error: `No entity named or with id '${entity}'.`, entities: design.entities.map((e) => e.name) };
  return {
    entity: found,
    relations: design.relations.filter((r) => r.fromEntityId === found.id || r.toEntityId === found.id),
    customEndpoints: design.customEndpoints.filter((c) => c.entityId === found.id),
    enums: design.enums.filter((en) => found.fields.some((f) => f.enumId === en.id)),
    auth: design.auth,
  };
}

export type CheckReport = {
  ok: boolean;
  problems: { path: string; message: string; elementId?: string }[];
  diagnostics: Pick<Diagnostic, 'file' | 'line' | 'rule' | 'message' | 'severity'>[];
  diagnosticCount: number;
};

/** A draft's generation: its files, or why it does not generate. */
export type DraftFiles =
  | { ok: true; files: Record<string, string>; userCodeProblems?: UserCodeProblem[]; blocked?: boolean }
  | { ok: false; problems: { path: string; message: string; elementId?: string }[] };

/**
 * Which files' diagnostics a report judges. The person's own files that this request did not write are theirs
 * as they were: a lint finding there is no reason to refuse, or to rework, a design change.
 */
export type ReportScope = { untouchedUserFiles?: ReadonlySet<string> };

/** The checks of a generation (validation problems, else format, lint, syntax and OpenAPI diagnostics). */
function reportOf(result: DraftFiles, all: Diagnostic[], scope: ReportScope): CheckReport {
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map(({ path, message, elementId }) => ({ path, message, elementId })),
      diagnostics: [],
      diagnosticCount: 0,
    };
  }
  const skip = scope.untouchedUserFiles;
  const diagnostics = skip ? all.filter((d) => !skip.has(d.file)) : all;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    ok: errors.length === 0,
    problems: [],
    diagnostics: diagnostics
      .slice(0, MAX_DIAGNOSTICS)
      .map(({ file, line, rule, message, severity }) => ({ file, line, rule, message, severity })),
    diagnosticCount: diagnostics.length,
  };
}

async function generated(design: Design, userCode: UserCode, job: JobOptions): Promise<DraftFiles> {
  const result = await runJob('files', { design, userCode }, job);
  // A draft past the design limits does not load in the worker: its issues are the problems.
  return 'refused' in result ? { ok: false, problems: result.issues } : result;
}

/**
 * Generation and checks of one request's draft, remembered for the last design and user code: the checkDesign,
 * readGeneratedFile and user-file tools, the loop's own check and the proposal all ask about the same draft. Both
 * run in the worker pool (lib/jobs), counted against the person asking, so a big draft never stalls other requests.
 */
export function draftChecks(job: JobOptions) {
  let last: {
    design: Design;
    userCode: UserCode;
    files: Promise<DraftFiles>;
    diagnostics?: Promise<Diagnostic[]>;
  } | null = null;
  const at = (design: Design, userCode: UserCode) => {
    if (last?.design !== design || last.userCode !== userCode)
      last = { design, userCode, files: generated(design, userCode, job) };
    return last;
  };
  const empty: UserCode = { files: {} };
  return {
    files: (design: Design, userCode: UserCode = empty) => at(design, userCode).files,
    report: async (design: Design, userCode: UserCode = empty, scope: ReportScope = {}) => {
      const entry = at(design, userCode);
      entry.diagnostics ??= entry.files.then((files) =>
        files.ok ? runJob('check', { files: files.files }, job) : [],
      );
      return reportOf(await entry.files, await entry.diagnostics, scope);
    },
  };
}

export type DraftChecks = ReturnType<typeof draftChecks>;

const userProblemsOf = (files: DraftFiles) =>
  files.ok ? (files.userCodeProblems ?? []).slice(0, MAX_DIAGNOSTICS) : [];

/** mypy and pytest findings, bounded: the model gets the first ones and how many there were. */
function boundedProjectChecks(result: ProjectChecks | { unavailable: string }) {
  if ('unavailable' in result) return { ran: false as const, reason: result.unavailable };
  return {
    ran: true as const,
    ok: result.ok,
    tools: result.tools.map((t) => ({
      tool: t.tool,
      ok: t.ok,
      summary: t.summary.slice(0, 300),
      findings: t.findings.slice(0, MAX_FINDINGS).map((f) => ({ ...f, message: clip(f.message, 1500) })),
      findingCount: t.findings.length,
    })),
  };
}

export type ToolOptions = { callPreview?: CallPreview; runProjectChecks?: RunProjectChecks };

/** The person's files this draft did not change: see `ReportScope`. */
export function untouchedUserFiles(draft: Draft): ReadonlySet<string> {
  const written = new Set(draft.fileChanges.map((c) => c.path));
  return new Set(Object.keys(draft.userCode.files).filter((p) => !written.has(p)));
}

export function assistantTools(draft: Draft, checks: DraftChecks, options: ToolOptions = {}) {
  const { callPreview, runProjectChecks } = options;
  const draftFiles = () => checks.files(draft.design, draft.userCode);
  return {
    readDesign: tool({
      description:
        'Read the current draft design (entities, fields, relations, endpoints, enums, auth; canvas positions left out). ' +
        'Give `entity` (name or id) to read one entity with its relations, custom endpoints and enums.',
      inputSchema: z.object({ entity: z.string().optional() }),
      execute: async ({ entity }) => clip(JSON.stringify(modelOf(draft.design, entity))),
    }),
    applyOperations: tool({
      description:
        'Apply design operations to the draft, all or nothing. Refused (with the reason, nothing applied) when an ' +
        'operation is invalid or does not fit, or when the result would have new validation problems.',
      inputSchema: z.object({ operations: z.array(OperationSchema).min(1).max(200) }),
      execute: async ({ operations }) => draft.apply(operations),
    }),
    checkDesign: tool({
      description:
        'Generate the FastAPI project from the draft and check it: design validation problems, then format, lint, ' +
        'syntax and OpenAPI diagnostics with file and line. ok=true means it is ready to propose.',
      inputSchema: z.object({}),
      execute: async () =>
        checks.report(draft.design, draft.userCode, { untouchedUserFiles: untouchedUserFiles(draft) }),
    }),
    readGeneratedFile: tool({
      description:
        'Read one file of the project generated from the draft (e.g. "app/routers/posts.py"). Unknown paths get ' +
        'the list of files.',
      inputSchema: z.object({ path: z.string().min(1).max(300) }),
      execute: async ({ path }) => {
        const result = await draftFiles();
        if (!result.ok)
          return { ok: false, error: 'The draft does not generate; run checkDesign for its problems.' };
        const content = result.files[path];
        if (content === undefined)
          return { ok: false, error: `No file '${path}'.`, files: Object.keys(result.files).sort() };
        return { ok: true, path, content: clip(content) };
      },
    }),
    listUserFiles: tool({
      description:
        "List the person's own files (handler modules of custom endpoints, CRUD hooks, tests under tests/custom/) " +
        'as the draft would have them: `written` files hold code, `scaffold` ones are handlers or hooks nobody has ' +
        'written yet (the generated stub), `outside-project` ones are kept but left out (endpoint gone, or refused).',
      inputSchema: z.object({}),
      execute: async () => {
        const result = await draftFiles();
        const written = draft.userCode.files;
        const inProject = result.ok
          ? Object.keys(result.files).filter((p) => userPathProblem(p) === null)
          : [];
        const paths = [...new Set([...inProject, ...Object.keys(written)])].sort();
        return {
          ok: true,
          generates: result.ok,
          files: paths.map((path) => ({
            path,
            state:
              !inProject.includes(path) && result.ok
                ? 'outside-project'
                : Object.hasOwn(written, path)
                  ? 'written'
                  : 'scaffold',
          })),
          problems: userProblemsOf(result),
        };
      },
    }),
    readUserFile: tool({
      description:
        "Read one of the person's own files (see listUserFiles) as the draft has it: a scaffold shows the typed " +
        'signature the generated router calls.',
      inputSchema: z.object({ path: z.string().min(1).max(300) }),
      execute: async ({ path }) => {
        const pathProblem = userPathProblem(path);
        if (pathProblem)
          return { ok: false, error: `${pathProblem}. Use readGeneratedFile for generated files.` };
        const result = await draftFiles();
        // The project's text is the stored file merged with the draft's scaffold: what the router calls.
        const content = result.ok ? result.files[path] : undefined;
        const stored = Object.hasOwn(draft.userCode.files, path) ? draft.userCode.files[path] : undefined;
        if (content === undefined && stored === undefined)
          return { ok: false, error: `No user file '${path}'; writeUserFile creates it.` };
        return {
          ok: true,
          path,
          state: stored ? 'written' : 'scaffold',
          content: clip(content ?? stored?.content ?? ''),
        };
      },
    }),
    writeUserFile: tool({
      description:
        "Write one of the person's own files into the draft (the whole new content): a handler module under " +
        'app/handlers/, hooks under app/hooks/, a test under tests/custom/ (.py, one folder level). Generated files ' +
        'cannot be written. Keep the signature of a scaffold. The person reviews the change before it is kept.',
      inputSchema: z.object({
        path: z.string().min(1).max(300),
        content: z.string().max(USER_CODE_LIMITS.fileBytes),
      }),
      execute: async ({ path, content }) => {
        const result = await draftFiles();
        if (!result.ok)
          return {
            ok: false,
            error: 'The draft does not generate; fix the design first (checkDesign lists why).',
          };
        const generatedText = result.files[path];
        if (generatedText !== undefined && userPathProblem(path) !== null)
          return {
            ok: false,
            error: `${path} is generated from the design and rewritten on every generation; change the design, or write a user file.`,
          };
        const scaffold = Object.hasOwn(draft.userCode.files, path) ? undefined : generatedText;
        return draft.write(path, content, scaffold);
      },
    }),
    runCodeChecks: tool({
      description:
        "Generate the project from the draft with the person's files and check it: format, lint and syntax " +
        "diagnostics, merge conflicts, then mypy --strict and the project's pytest suite (generated and " +
        'tests/custom/) in the sandbox, with file and line. Slow (up to minutes): run it after writing code.',
      inputSchema: z.object({}),
      execute: async () => {
        const result = await draftFiles();
        const report = await checks.report(draft.design, draft.userCode);
        const userCodeProblems = userProblemsOf(result);
        if (!result.ok) return { ...report, ok: false, userCodeProblems, project: null };
        if (result.blocked)
          return {
            ...report,
            ok: false,
            userCodeProblems,
            project: { ran: false, reason: 'A user file holds merge conflict markers: resolve them first.' },
          };
        const project = boundedProjectChecks(
          runProjectChecks
            ? await runProjectChecks(result.files)
            : { unavailable: 'mypy and pytest cannot run here (no sandbox).' },
        );
        const ok = report.ok && userCodeProblems.length === 0 && (!project.ran || project.ok);
        return { ...report, ok, userCodeProblems, project };
      },
    }),
    callPreview: tool({
      description:
        'Call an endpoint of the live preview (the running app of the SAVED design, not the draft) and return the ' +
        'status and body. `path` is the API path such as "/posts?limit=5"; `bearerToken` an access token from ' +
        '/auth/login if the route needs one.',
      inputSchema: z.object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        path: z.string().startsWith('/').max(2000),
        body: z.unknown().optional(),
        bearerToken: z.string().max(4000).optional(),
      }),
      execute: async (call) => {
        if (!callPreview) return { ok: false, error: 'The live preview is not available here.' };
        const answer = await callPreview(call);
        if ('unavailable' in answer) return { ok: false, error: answer.unavailable };
        return { ok: true, status: answer.status, body: clip(answer.body, 8000) };
      },
    }),
  };
}

export type AssistantTools = ReturnType<typeof assistantTools>;

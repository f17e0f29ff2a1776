/**
 * The assistant's tools. They read and change only the draft (never the stored design, never generated files):
 * the person decides what happens to the draft. Results are plain JSON the model reads; failures are results too
 * (`ok: false` with the reason), so the model can correct itself.
 */
import { tool } from 'ai';
import { z } from 'zod';
import { type Design, OperationSchema } from '@/lib/design';
import type { Diagnostic } from '@/lib/generator';
import { type JobOptions, runJob } from '@/lib/jobs/pool';
import type { Draft } from './draft';

export type PreviewCall = { method: string; path: string; body?: unknown; bearerToken?: string };
export type PreviewAnswer = { status: number; body: string } | { unavailable: string };
export type CallPreview = (call: PreviewCall) => Promise<PreviewAnswer>;

const MAX_TEXT = 24_000;
const MAX_DIAGNOSTICS = 40;

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
  | { ok: true; files: Record<string, string> }
  | { ok: false; problems: { path: string; message: string; elementId?: string }[] };

/** The checks of a generation (validation problems, else format, lint, syntax and OpenAPI diagnostics). */
async function reportOf(result: DraftFiles, job: JobOptions): Promise<CheckReport> {
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map(({ path, message, elementId }) => ({ path, message, elementId })),
      diagnostics: [],
      diagnosticCount: 0,
    };
  }
  const diagnostics = await runJob('check', { files: result.files }, job);
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

async function generated(design: Design, job: JobOptions): Promise<DraftFiles> {
  const result = await runJob('files', { design }, job);
  // A draft past the design limits does not load in the worker: its issues are the problems.
  return 'refused' in result ? { ok: false, problems: result.issues } : result;
}

/**
 * Generation and checks of one request's draft, remembered for the last design: the checkDesign and
 * readGeneratedFile tools, the loop's own check and the proposal all ask about the same draft. Both run in the
 * worker pool (lib/jobs), counted against the person asking, so a big draft never stalls other requests.
 */
export function draftChecks(job: JobOptions) {
  let last: { design: Design; files: Promise<DraftFiles>; report?: Promise<CheckReport> } | null = null;
  const at = (design: Design) => {
    if (last?.design !== design) last = { design, files: generated(design, job) };
    return last;
  };
  return {
    files: (design: Design) => at(design).files,
    report: (design: Design) => {
      const entry = at(design);
      entry.report ??= entry.files.then((files) => reportOf(files, job));
      return entry.report;
    },
  };
}

export type DraftChecks = ReturnType<typeof draftChecks>;

export function assistantTools(draft: Draft, checks: DraftChecks, callPreview?: CallPreview) {
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
      execute: async () => checks.report(draft.design),
    }),
    readGeneratedFile: tool({
      description:
        'Read one file of the project generated from the draft (e.g. "app/routers/posts.py"). Unknown paths get ' +
        'the list of files.',
      inputSchema: z.object({ path: z.string().min(1).max(300) }),
      execute: async ({ path }) => {
        const result = await checks.files(draft.design);
        if (!result.ok)
          return { ok: false, error: 'The draft does not generate; run checkDesign for its problems.' };
        const content = result.files[path];
        if (content === undefined)
          return { ok: false, error: `No file '${path}'.`, files: Object.keys(result.files).sort() };
        return { ok: true, path, content: clip(content) };
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

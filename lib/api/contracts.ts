import { z } from 'zod';
import { KEPT_MESSAGES } from '@/lib/agent/proposal';
import { signUpSchema } from '@/lib/auth/credentials';
import { USER_CODE_DIRS } from '@/lib/generator/user-code/paths';
import { USER_CODE_LIMITS } from '@/lib/generator/user-code/schema';
import { contract } from './contract';

export const TEMPLATE_NAMES = ['blank', 'blog', 'todo', 'shop', 'conduit', 'social'] as const;

const workspaceName = z
  .string()
  .trim()
  .min(1, 'Name is required.')
  .max(100, 'Name must be at most 100 characters.');

export const workspaceParams = z.object({ id: z.uuid() });

/** A version number as the database keeps it (PostgreSQL `integer`): larger ones would overflow, not compare. */
const storedVersion = z
  .int()
  .min(1)
  .max(2_147_483_647, 'Must be at most 2147483647 (a stored version number).');

export const workspaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export { errorResponse };

/**
 * User code as posted: its shape only. Limits (user paths, file count, size) are checked by the route
 * (lib/api/user-code.ts), so a body past the size limit is a 413 and a bad path a 422.
 */
export const userCodeDocument = z
  .object({ files: z.record(z.string(), z.object({ content: z.string(), base: z.string() })) })
  .describe(
    `The user's own files: project path -> { content, base } (base: the scaffold it was last merged from). Paths under ${USER_CODE_DIRS.join(', ')}, .py only; at most ${USER_CODE_LIMITS.files} files and ${USER_CODE_LIMITS.totalBytes / 2 ** 20} MiB.`,
  );

const designDocument = z
  .record(z.string(), z.unknown())
  .describe('A design document (see lib/design). Older format versions are upgraded on save.');

export const createAccount = contract({
  operationId: 'createAccount',
  method: 'POST',
  path: '/api/accounts',
  summary: 'Sign up with email and password',
  tag: 'accounts',
  auth: 'none',
  body: signUpSchema,
  success: {
    status: 201,
    description: 'Account created',
    schema: z.object({ id: z.string(), email: z.string() }),
  },
  errors: [400, 409, 422, 429],
});

export const signOutEverywhere = contract({
  operationId: 'signOutEverywhere',
  method: 'DELETE',
  path: '/api/sessions',
  summary:
    'Sign out everywhere: every session of mine (this one included, on every device) stops working at once',
  tag: 'accounts',
  auth: 'session',
  success: { status: 204, description: 'Signed out everywhere' },
  errors: [401],
});

export const listWorkspaces = contract({
  operationId: 'listWorkspaces',
  method: 'GET',
  path: '/api/workspaces',
  summary: 'List my workspaces, most recently edited first',
  tag: 'workspaces',
  auth: 'session',
  success: {
    status: 200,
    description: "Workspaces I own and those shared with me (`role: editor`, with the owner's email)",
    schema: z.object({
      items: z.array(workspaceSummary.extend({ role: z.enum(['owner', 'editor']), ownerEmail: z.string() })),
    }),
  },
  errors: [401],
});

export const createWorkspace = contract({
  operationId: 'createWorkspace',
  method: 'POST',
  path: '/api/workspaces',
  summary: 'Create a workspace, blank or from a template',
  tag: 'workspaces',
  auth: 'session',
  body: z.object({ name: workspaceName, template: z.enum(TEMPLATE_NAMES).default('blank') }),
  success: { status: 201, description: 'Created', schema: workspaceSummary },
  errors: [400, 401, 422],
});

export const getWorkspace = contract({
  operationId: 'getWorkspace',
  method: 'GET',
  path: '/api/workspaces/{id}',
  summary: 'Get a workspace',
  tag: 'workspaces',
  auth: 'session',
  params: workspaceParams,
  success: { status: 200, description: 'Workspace', schema: workspaceSummary },
  errors: [401, 404],
});

export const renameWorkspace = contract({
  operationId: 'renameWorkspace',
  method: 'PATCH',
  path: '/api/workspaces/{id}',
  summary: 'Rename a workspace',
  tag: 'workspaces',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ name: workspaceName }),
  success: { status: 200, description: 'Renamed', schema: workspaceSummary },
  errors: [400, 401, 403, 404, 422],
});

export const deleteWorkspace = contract({
  operationId: 'deleteWorkspace',
  method: 'DELETE',
  path: '/api/workspaces/{id}',
  summary: 'Delete a workspace',
  tag: 'workspaces',
  auth: 'session',
  params: workspaceParams,
  success: { status: 204, description: 'Deleted' },
  errors: [401, 403, 404],
});

export const duplicateWorkspace = contract({
  operationId: 'duplicateWorkspace',
  method: 'POST',
  path: '/api/workspaces/{id}/duplicate',
  summary: 'Duplicate a workspace with its design',
  tag: 'workspaces',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ name: workspaceName.optional() }),
  success: { status: 201, description: 'The copy', schema: workspaceSummary },
  errors: [400, 401, 404, 422],
});

export const getDesign = contract({
  operationId: 'getDesign',
  method: 'GET',
  path: '/api/workspaces/{id}/design',
  summary: "Get a workspace's design document and its version",
  tag: 'design',
  auth: 'session',
  params: workspaceParams,
  success: {
    status: 200,
    description: 'Design',
    schema: z.object({ design: designDocument, version: z.int() }),
  },
  errors: [401, 404],
});

export const saveDesign = contract({
  operationId: 'saveDesign',
  method: 'PUT',
  path: '/api/workspaces/{id}/design',
  summary: 'Save the design; `baseVersion` must be the stored version (409 when it changed elsewhere)',
  tag: 'design',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ design: designDocument, baseVersion: storedVersion }),
  success: {
    status: 200,
    description: 'Saved',
    schema: z.object({
      version: z.int(),
      updatedAt: z.iso.datetime(),
      problems: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
    }),
  },
  errors: [400, 401, 404, 409, 413, 422],
});

export const getUserCode = contract({
  operationId: 'getUserCode',
  method: 'GET',
  path: '/api/workspaces/{id}/code',
  summary: "Get a workspace's user code (handlers, hooks, custom tests) and the workspace version",
  tag: 'design',
  auth: 'session',
  params: workspaceParams,
  success: {
    status: 200,
    description: 'User code',
    schema: z.object({ userCode: userCodeDocument, version: z.int() }),
  },
  errors: [401, 404],
});

export const saveUserCode = contract({
  operationId: 'saveUserCode',
  method: 'PUT',
  path: '/api/workspaces/{id}/code',
  summary:
    'Save the user code; `baseVersion` must be the stored version, which the design and the user code share (409 when either changed elsewhere)',
  tag: 'design',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ userCode: userCodeDocument, baseVersion: storedVersion }),
  success: {
    status: 200,
    description: 'Saved',
    schema: z.object({ version: z.int(), updatedAt: z.iso.datetime() }),
  },
  errors: [400, 401, 403, 404, 409, 413, 422],
});

const diagnostic = z.object({
  file: z.string(),
  line: z.int(),
  column: z.int(),
  rule: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

const designProblem = z.object({
  code: z.string(),
  path: z.string(),
  message: z.string(),
  elementId: z.string().optional(),
});

/** A chat message as the chat panel sends it (AI SDK UI message); parts are checked again by the AI SDK. */
const chatMessage = z.object({
  id: z.string().max(200),
  role: z.enum(['user', 'assistant']),
  parts: z.array(z.looseObject({ type: z.string().max(100) })).max(500),
});

export const askAssistant = contract({
  operationId: 'askAssistant',
  method: 'POST',
  path: '/api/workspaces/{id}/assistant',
  summary:
    'Ask the assistant for a change or an explanation. Streams the steps (AI SDK UI message stream, server-sent events); a change ends as a `data-proposal` part the person accepts or rejects. Needs edit access.',
  tag: 'assistant',
  auth: 'session',
  params: workspaceParams,
  body: z.object({
    messages: z.array(chatMessage).min(1, 'Send at least one message.').max(100, 'At most 100 messages.'),
    design: designDocument.optional(),
    userCode: userCodeDocument.optional(),
  }),
  success: { status: 200, description: 'The streamed answer (text/event-stream)' },
  errors: [401, 403, 404, 422, 429, 503],
});

const chatMessages = z.object({ messages: z.array(chatMessage) });

export const getAssistantChat = contract({
  operationId: 'getAssistantChat',
  method: 'GET',
  path: '/api/workspaces/{id}/assistant',
  summary: 'My conversation with the assistant in this workspace (its last messages).',
  tag: 'assistant',
  auth: 'session',
  params: workspaceParams,
  success: { status: 200, description: 'The stored messages, oldest first', schema: chatMessages },
  errors: [401, 403, 404],
});

export const saveAssistantChat = contract({
  operationId: 'saveAssistantChat',
  method: 'PUT',
  path: '/api/workspaces/{id}/assistant',
  summary: 'Keep my conversation as the chat panel has it (e.g. after accepting or rejecting a proposal).',
  tag: 'assistant',
  auth: 'session',
  params: workspaceParams,
  body: z.object({
    messages: z.array(chatMessage).max(KEPT_MESSAGES, `At most ${KEPT_MESSAGES} messages are kept.`),
  }),
  success: { status: 204, description: 'Kept' },
  errors: [401, 403, 404, 422],
});

export const clearAssistantChat = contract({
  operationId: 'clearAssistantChat',
  method: 'DELETE',
  path: '/api/workspaces/{id}/assistant',
  summary: 'Start a new conversation with the assistant (forgets the stored one).',
  tag: 'assistant',
  auth: 'session',
  params: workspaceParams,
  success: { status: 204, description: 'Forgotten' },
  errors: [401, 403, 404],
});

export const generateCode = contract({
  operationId: 'generateCode',
  method: 'POST',
  path: '/api/workspaces/{id}/generate',
  summary:
    'Generate the FastAPI project of a design (the posted one, else the stored one) and check it. A design with problems answers `ok: false` with them.',
  tag: 'generator',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ design: designDocument.optional(), userCode: userCodeDocument.optional() }),
  success: {
    status: 200,
    description:
      'Generated files (with the user files at their paths) and their diagnostics, or the problems that block generation',
    schema: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        files: z.record(z.string(), z.string()),
        owners: z
          .record(z.string(), z.enum(['generator', 'user']))
          .describe(
            "Who writes each file: 'user' files are the workspace's own code, kept across generations",
          ),
        diagnostics: z.array(diagnostic),
        userCodeProblems: z
          .array(
            z.object({
              code: z.enum(['merge-conflict', 'user-file-refused']),
              path: z.string(),
              line: z.int(),
              message: z.string(),
            }),
          )
          .describe('Merge conflicts left in user files and refused user files, with file and line'),
        blocked: z.boolean().describe('A user file holds conflict markers: the preview will not run it'),
        orphaned: z
          .array(z.string())
          .describe('User files kept out of the project: their endpoint or entity is gone'),
        userCode: userCodeDocument.describe(
          'The user code to store after this generation: each file merged with its new scaffold, and its new base',
        ),
        generatedAt: z.iso.datetime(),
      }),
      z.object({ ok: z.literal(false), problems: z.array(designProblem) }),
    ]),
  },
  errors: [400, 401, 404, 413, 422],
});

export const exportProject = contract({
  operationId: 'exportProject',
  method: 'GET',
  path: '/api/workspaces/{id}/export',
  summary:
    'Download the generated FastAPI project of the stored design as a zip (`<project-slug>.zip`, with the user files at their paths, `design.json` and `.fastdraft/user-code.json` to import it again). Answers `application/zip` (binary) with `Content-Disposition: attachment`. A design with problems answers 422 with them as issues.',
  tag: 'generator',
  auth: 'session',
  params: workspaceParams,
  success: { status: 200, description: 'The project as a zip archive (`application/zip`, binary)' },
  errors: [401, 404, 422],
});

export const postgresSql = contract({
  operationId: 'postgresSql',
  method: 'POST',
  path: '/api/workspaces/{id}/sql',
  summary:
    'Plain SQL for PostgreSQL of a design (the posted one, else the stored one): the offline SQL of its Alembic revisions (`alembic upgrade head --sql`, following the committed versions) and the DDL of its current schema. Runs the generated project with the Python toolchain in the sandbox: 503 naming what is missing when this server has none; a design with problems answers 422 with them as issues.',
  tag: 'generator',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ design: designDocument.optional() }),
  success: {
    status: 200,
    description: 'The migrations as one SQL script, and the schema DDL',
    schema: z.object({ migrations: z.string(), schema: z.string() }),
  },
  errors: [400, 401, 404, 413, 422, 503],
});

/** A SQL schema or OpenAPI document to import; `format` absent: detected from the text. */
const importSourceBody = {
  text: z.string().max(5 * 2 ** 20, 'At most 5 MiB of text.'),
  format: z.enum(['postgresql', 'mysql', 'sqlite', 'openapi']).optional(),
};

const sourceLocation = z.union([
  z.object({ line: z.int(), column: z.int() }),
  z.object({ pointer: z.string() }),
]);

const importAnswer = z.object({
  format: z.enum(['postgresql', 'mysql', 'sqlite', 'openapi']),
  name: z.string().describe("The imported design's name (the document's title), a name for a new workspace"),
  report: z.object({
    format: z.string(),
    entries: z.array(
      z.object({
        status: z.enum(['imported', 'approximated', 'skipped']),
        subject: z.string(),
        message: z.string().optional(),
        at: sourceLocation.optional(),
      }),
    ),
  }),
  operations: z
    .array(z.record(z.string(), z.unknown()))
    .describe('Design operations that add the import (accepted in the editor as one undoable step)'),
  highlight: z.array(z.string()).describe('Ids of what the operations add, for the canvas'),
  clashes: z.array(
    z.object({
      kind: z.enum(['entity', 'enum', 'table', 'path', 'endpoint', 'auth', 'api']),
      name: z.string(),
      message: z.string(),
    }),
  ),
});

const importErrors =
  ' A source that does not read answers 422 with the reason and `at` (line and column, or JSON pointer); nothing is stored.';

export const importNew = contract({
  operationId: 'importNew',
  method: 'POST',
  path: '/api/import',
  summary: `Read a SQL schema (PostgreSQL, MySQL/MariaDB, SQLite) or an OpenAPI 3.0/3.1 document and plan it as operations on a blank design, for a new workspace.${importErrors}`,
  tag: 'import',
  auth: 'session',
  body: z.object(importSourceBody),
  success: { status: 200, description: 'The import report and the operations', schema: importAnswer },
  errors: [400, 401, 413, 422, 429, 503],
});

export const importIntoWorkspace = contract({
  operationId: 'importIntoWorkspace',
  method: 'POST',
  path: '/api/workspaces/{id}/import',
  summary: `Read a SQL schema or an OpenAPI document and plan it as operations merged into the workspace's design (the posted one, else the stored one): fresh ids, name clashes resolved and listed.${importErrors}`,
  tag: 'import',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ ...importSourceBody, design: designDocument.optional() }),
  success: {
    status: 200,
    description: 'The import report, the operations and the clashes',
    schema: importAnswer,
  },
  errors: [400, 401, 403, 404, 413, 422, 429, 503],
});

const previewStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unavailable'), missing: z.array(z.string()), howTo: z.string() }),
  z.object({ state: z.literal('stopped') }),
  z.object({ state: z.literal('starting') }),
  z.object({ state: z.literal('running'), startedAt: z.iso.datetime(), baseUrl: z.string() }),
  z.object({ state: z.literal('failed'), error: z.string() }),
]);

/** Data of one `event: step` of the preview start stream. */
export const previewStepEvent = z.object({
  step: z.enum(['validate', 'generate', 'check', 'migrate', 'start', 'ready']),
  status: z.enum(['running', 'done', 'failed']),
  ms: z.number().optional(),
  message: z.string().optional(),
  problems: z.array(designProblem).optional(),
  diagnostics: z.array(diagnostic).optional(),
});

/** Data of the final `event: end` of the preview start stream. */
export const previewEndEvent = z.object({
  ok: z.boolean(),
  baseUrl: z.string().optional(),
  error: z.string().optional(),
});

export const getPreview = contract({
  operationId: 'getPreview',
  method: 'GET',
  path: '/api/workspaces/{id}/preview',
  summary: "State of the workspace's live preview (or what this server lacks to run one)",
  tag: 'preview',
  auth: 'session',
  params: workspaceParams,
  success: { status: 200, description: 'Preview state', schema: previewStatus },
  errors: [401, 404],
});

const projectFinding = z.object({
  tool: z.enum(['mypy', 'pytest']),
  file: z.string().describe('Project-relative path; line 0 for a failure the tool could not place'),
  line: z.number().int(),
  message: z.string(),
});

export const runChecks = contract({
  operationId: 'runChecks',
  method: 'POST',
  path: '/api/workspaces/{id}/checks',
  summary:
    "Run `mypy --strict` and the project's pytest suite in the sandbox on the generated project with the user's files (the posted design and user code, else the stored ones). One run at a time per person and per workspace (429).",
  tag: 'generator',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ design: designDocument.optional(), userCode: userCodeDocument.optional() }),
  success: {
    status: 200,
    description:
      "`checked`: each tool's outcome and its findings at file:line; `problems`: the design does not generate; `blocked`: a user file holds merge conflicts",
    schema: z.discriminatedUnion('state', [
      z.object({
        state: z.literal('checked'),
        ok: z.boolean(),
        ms: z.number().int(),
        tools: z.array(
          z.object({
            tool: z.enum(['mypy', 'pytest']),
            ok: z.boolean(),
            summary: z.string(),
            findings: z.array(projectFinding),
          }),
        ),
      }),
      z.object({
        state: z.literal('problems'),
        problems: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
      }),
      z.object({
        state: z.literal('blocked'),
        conflicts: z.array(z.object({ path: z.string(), line: z.number().int(), message: z.string() })),
      }),
    ]),
  },
  errors: [400, 401, 403, 404, 413, 422, 429, 503],
});

export const startPreview = contract({
  operationId: 'startPreview',
  method: 'POST',
  path: '/api/workspaces/{id}/preview',
  summary:
    'Start or restart the live preview of a design (the posted one, else the stored one). Answers `text/event-stream`: `step` events (validate, generate, check, migrate, start, ready; each `running` then `done` or `failed`), then one `end` event `{ ok, baseUrl?, error? }`. Rows are kept across restarts when possible; `resetData` starts from an empty database.',
  tag: 'preview',
  auth: 'session',
  params: workspaceParams,
  body: z.object({
    design: designDocument.optional(),
    userCode: userCodeDocument.optional(),
    resetData: z.boolean().optional(),
  }),
  success: { status: 200, description: 'Server-sent events: `step` (see previewStepEvent), then `end`' },
  errors: [400, 401, 404, 413, 422],
});

export const stopPreview = contract({
  operationId: 'stopPreview',
  method: 'DELETE',
  path: '/api/workspaces/{id}/preview',
  summary: "Stop the workspace's live preview (its data is kept for the next start)",
  tag: 'preview',
  auth: 'session',
  params: workspaceParams,
  success: { status: 204, description: 'Stopped' },
  errors: [401, 404],
});

const tracebackFrame = z.object({
  file: z.string(),
  line: z.int(),
  function: z.string(),
  inProject: z.boolean(),
  code: z.string().optional(),
});
export const getPreviewErrors = contract({
  operationId: 'getPreviewErrors',
  method: 'GET',
  path: '/api/workspaces/{id}/preview/errors',
  summary:
    "The last unhandled exceptions of the workspace's running preview, with their tracebacks (newest last)",
  tag: 'preview',
  auth: 'session',
  params: workspaceParams,
  success: {
    status: 200,
    description: 'Tracebacks since the last start',
    schema: z.object({
      tracebacks: z.array(
        z.object({
          exception: z.string(),
          frames: z.array(tracebackFrame),
          focus: tracebackFrame.nullable(),
        }),
      ),
    }),
  },
  errors: [401, 404],
});

const shareRole = z.enum(['view', 'edit']);

export const shareLink = z.object({
  id: z.string(),
  role: shareRole,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const shareParams = z.object({ id: z.uuid(), shareId: z.uuid() });
export const memberParams = z.object({ id: z.uuid(), userId: z.string().min(1).max(100) });
export const tokenParams = z.object({ token: z.string().min(1).max(200) });

export const listShares = contract({
  operationId: 'listShares',
  method: 'GET',
  path: '/api/workspaces/{id}/shares',
  summary: "The workspace's share links that are not revoked (owner only), with when each was last used",
  tag: 'sharing',
  auth: 'session',
  params: workspaceParams,
  success: { status: 200, description: 'Links', schema: z.object({ items: z.array(shareLink) }) },
  errors: [401, 403, 404],
});

export const createShare = contract({
  operationId: 'createShare',
  method: 'POST',
  path: '/api/workspaces/{id}/shares',
  summary:
    'Create a share link (owner only): `view` opens the workspace read only for anyone holding it; `edit` makes a signed-in holder a collaborator. The token is in this answer only.',
  tag: 'sharing',
  auth: 'session',
  params: workspaceParams,
  body: z.object({
    role: shareRole,
    expiresAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .default(null)
      .refine((v) => v === null || Date.parse(v) > Date.now(), 'The expiry must be in the future.'),
  }),
  success: {
    status: 201,
    description: 'The link, with its token and URL (shown once)',
    schema: shareLink.extend({ token: z.string(), url: z.string() }),
  },
  errors: [400, 401, 403, 404, 422],
});

export const revokeShare = contract({
  operationId: 'revokeShare',
  method: 'DELETE',
  path: '/api/workspaces/{id}/shares/{shareId}',
  summary: 'Revoke a share link (owner only): it answers 404 from then on',
  tag: 'sharing',
  auth: 'session',
  params: shareParams,
  success: { status: 204, description: 'Revoked' },
  errors: [401, 403, 404],
});

const member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.literal('editor'),
  addedAt: z.iso.datetime(),
});

export const listMembers = contract({
  operationId: 'listMembers',
  method: 'GET',
  path: '/api/workspaces/{id}/members',
  summary: "The workspace's collaborators (owner only)",
  tag: 'sharing',
  auth: 'session',
  params: workspaceParams,
  success: { status: 200, description: 'Collaborators', schema: z.object({ items: z.array(member) }) },
  errors: [401, 403, 404],
});

export const removeMember = contract({
  operationId: 'removeMember',
  method: 'DELETE',
  path: '/api/workspaces/{id}/members/{userId}',
  summary: 'Remove a collaborator (owner only): the workspace is a 404 for them again',
  tag: 'sharing',
  auth: 'session',
  params: memberParams,
  success: { status: 204, description: 'Removed' },
  errors: [401, 403, 404],
});

export const getShare = contract({
  operationId: 'getShare',
  method: 'GET',
  path: '/api/share/{token}',
  summary:
    'What a share link opens, for anyone holding it: a view link answers the design and its version; an edit link only the workspace name (accept it to collaborate). Unknown tokens are rate limited per address (429).',
  tag: 'sharing',
  auth: 'none',
  params: tokenParams,
  success: {
    status: 200,
    description: 'The shared workspace',
    schema: z.object({
      role: shareRole,
      workspaceId: z.string(),
      workspaceName: z.string(),
      design: designDocument.optional(),
      userCode: userCodeDocument.optional(),
      version: z.int().optional(),
    }),
  },
  errors: [404, 429],
});

export const acceptShare = contract({
  operationId: 'acceptShare',
  method: 'POST',
  path: '/api/share/{token}/accept',
  summary:
    'Join the workspace of an edit link as a collaborator (the owner just gets the id); a view link is 403',
  tag: 'sharing',
  auth: 'session',
  params: tokenParams,
  success: {
    status: 200,
    description: 'The workspace to open',
    schema: z.object({ workspaceId: z.string(), role: z.enum(['owner', 'editor']) }),
  },
  errors: [401, 403, 404, 429],
});

export const generateShared = contract({
  operationId: 'generateShared',
  method: 'POST',
  path: '/api/share/{token}/generate',
  summary:
    "Generate the FastAPI project of the shared workspace's stored design (a posted design is ignored: the link is read only)",
  tag: 'sharing',
  auth: 'none',
  params: tokenParams,
  body: z.object({}).loose(),
  success: generateCode.success,
  errors: [400, 404, 413, 429],
});

export const saveSharedDesign = contract({
  operationId: 'saveSharedDesign',
  method: 'PUT',
  path: '/api/share/{token}/design',
  summary:
    'Always refused: share links never write (an edit link makes you a collaborator: use the workspace API)',
  tag: 'sharing',
  auth: 'none',
  params: tokenParams,
  success: { status: 204, description: 'Never answered' },
  errors: [403, 404, 429],
});

// ── design versions ─────────────────────────────────────────────────────────────────────────────────────

export const versionParams = z.object({ id: z.uuid(), n: z.string().regex(/^[1-9]\d{0,8}$/) });
export const versionDiffParams = z.object({
  id: z.uuid(),
  n: z.string().regex(/^[1-9]\d{0,8}$/),
  m: z.string().regex(/^[1-9]\d{0,8}$/),
});

export const versionSummary = z.object({
  id: z.string(),
  number: z.int(),
  message: z.string(),
  authorId: z.string().nullable(),
  authorEmail: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const listVersions = contract({
  operationId: 'listVersions',
  method: 'GET',
  path: '/api/workspaces/{id}/versions',
  summary: "The workspace's committed design versions, oldest first (generated migrations follow them)",
  tag: 'versions',
  auth: 'session',
  params: workspaceParams,
  success: { status: 200, description: 'Versions', schema: z.object({ items: z.array(versionSummary) }) },
  errors: [401, 404],
});

export const createVersion = contract({
  operationId: 'createVersion',
  method: 'POST',
  path: '/api/workspaces/{id}/versions',
  summary:
    'Commit the stored design and user code as the next version, with a message (owner or collaborator)',
  tag: 'versions',
  auth: 'session',
  params: workspaceParams,
  body: z.object({
    message: z.string().trim().min(1, 'A message is required.').max(500, 'At most 500 characters.'),
  }),
  success: { status: 201, description: 'The new version', schema: versionSummary },
  errors: [400, 401, 403, 404, 422],
});

const diffItem = z.object({
  id: z.string(),
  name: z.string(),
  entity: z.string().optional(),
  changes: z.array(z.string()).optional(),
});
const diffGroup = z.object({
  added: z.array(diffItem),
  removed: z.array(diffItem),
  changed: z.array(diffItem),
});

const userFileChange = z.object({ path: z.string(), added: z.int(), removed: z.int() });

const designDiff = z.object({
  entities: diffGroup,
  fields: diffGroup,
  relations: diffGroup,
  endpoints: diffGroup,
  warnings: z.array(
    z.object({
      kind: z.enum(['dropped-table', 'dropped-column', 'narrowed-type', 'made-non-nullable']),
      table: z.string(),
      column: z.string().optional(),
      message: z.string(),
    }),
  ),
  /** User files added, removed or changed, with the lines added and removed. */
  userFiles: z.object({
    added: z.array(userFileChange),
    removed: z.array(userFileChange),
    changed: z.array(userFileChange),
  }),
});

export const diffVersions = contract({
  operationId: 'diffVersions',
  method: 'GET',
  path: '/api/workspaces/{id}/versions/{n}/diff/{m}',
  summary:
    'What changed from version n to version m: entities, fields, relations and custom endpoints added, removed or changed, and the changes that would lose data when migrated',
  tag: 'versions',
  auth: 'session',
  params: versionDiffParams,
  success: { status: 200, description: 'The difference', schema: designDiff },
  errors: [400, 401, 404],
});

export const pendingDiff = contract({
  operationId: 'pendingDiff',
  method: 'POST',
  path: '/api/workspaces/{id}/versions/pending-diff',
  summary:
    'What committing would change: the difference from the latest version to the posted design (else the stored one), with the changes that would lose data when migrated. `base` is null before the first version; data-loss warnings need a design without problems (`problems` counts them).',
  tag: 'versions',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ design: designDocument.optional(), userCode: userCodeDocument.optional() }),
  success: {
    status: 200,
    description: 'The pending difference',
    schema: z.object({
      base: z.int().nullable(),
      diff: designDiff.nullable(),
      problems: z.int(),
    }),
  },
  errors: [400, 401, 404, 413, 422],
});

export const restoreVersion = contract({
  operationId: 'restoreVersion',
  method: 'POST',
  path: '/api/workspaces/{id}/versions/{n}/restore',
  summary:
    "Restore version n: it becomes the workspace's design and is committed again as a new version (history is never rewritten)",
  tag: 'versions',
  auth: 'session',
  params: versionParams,
  success: {
    status: 201,
    description: 'The new version and the saved design version',
    schema: z.object({ version: versionSummary, designVersion: z.int() }),
  },
  errors: [401, 403, 404, 409],
});

export const allContracts = [
  createAccount,
  signOutEverywhere,
  listWorkspaces,
  createWorkspace,
  getWorkspace,
  renameWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  getDesign,
  saveDesign,
  getUserCode,
  saveUserCode,
  generateCode,
  runChecks,
  askAssistant,
  getAssistantChat,
  saveAssistantChat,
  clearAssistantChat,
  exportProject,
  postgresSql,
  importNew,
  importIntoWorkspace,
  getPreview,
  startPreview,
  stopPreview,
  getPreviewErrors,
  listShares,
  createShare,
  revokeShare,
  listMembers,
  removeMember,
  listVersions,
  createVersion,
  diffVersions,
  pendingDiff,
  restoreVersion,
  getShare,
  acceptShare,
  generateShared,
  saveSharedDesign,
];

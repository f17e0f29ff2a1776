import { z } from 'zod';
import { signUpSchema } from '@/lib/auth/credentials';
import { contract } from './contract';

export const TEMPLATE_NAMES = ['blank', 'blog', 'todo', 'shop'] as const;

const workspaceName = z
  .string()
  .trim()
  .min(1, 'Name is required.')
  .max(100, 'Name must be at most 100 characters.');

export const workspaceParams = z.object({ id: z.uuid() });

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
  errors: [400, 409, 422],
});

export const listWorkspaces = contract({
  operationId: 'listWorkspaces',
  method: 'GET',
  path: '/api/workspaces',
  summary: 'List my workspaces, most recently edited first',
  tag: 'workspaces',
  auth: 'session',
  success: { status: 200, description: 'Workspaces', schema: z.object({ items: z.array(workspaceSummary) }) },
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
  errors: [400, 401, 404, 422],
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
  errors: [401, 404],
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
  body: z.object({ design: designDocument, baseVersion: z.int().min(1) }),
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

export const generateCode = contract({
  operationId: 'generateCode',
  method: 'POST',
  path: '/api/workspaces/{id}/generate',
  summary:
    'Generate the FastAPI project of a design (the posted one, else the stored one) and check it. A design with problems answers `ok: false` with them.',
  tag: 'generator',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ design: designDocument.optional() }),
  success: {
    status: 200,
    description: 'Generated files and their diagnostics, or the problems that block generation',
    schema: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        files: z.record(z.string(), z.string()),
        diagnostics: z.array(diagnostic),
        generatedAt: z.iso.datetime(),
      }),
      z.object({ ok: z.literal(false), problems: z.array(designProblem) }),
    ]),
  },
  errors: [400, 401, 404, 413, 422],
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

export const startPreview = contract({
  operationId: 'startPreview',
  method: 'POST',
  path: '/api/workspaces/{id}/preview',
  summary:
    'Start or restart the live preview of a design (the posted one, else the stored one). Answers `text/event-stream`: `step` events (validate, generate, check, migrate, start, ready; each `running` then `done` or `failed`), then one `end` event `{ ok, baseUrl?, error? }`. Rows are kept across restarts when possible; `resetData` starts from an empty database.',
  tag: 'preview',
  auth: 'session',
  params: workspaceParams,
  body: z.object({ design: designDocument.optional(), resetData: z.boolean().optional() }),
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

export const allContracts = [
  createAccount,
  listWorkspaces,
  createWorkspace,
  getWorkspace,
  renameWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  getDesign,
  saveDesign,
  generateCode,
  getPreview,
  startPreview,
  stopPreview,
];

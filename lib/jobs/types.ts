import type { MessagePort } from 'node:worker_threads';
import type { LoadIssue } from '@/lib/design/load';
import type { DesignVersion, Diagnostic, FileOwner, UserCode, UserCodeProblem } from '@/lib/generator';
import type { ImportMode, ImportPlan } from '@/lib/import/plan';
import type { ImportFormat, ImportReport, SourceLocation } from '@/lib/import/types';
import type { CarrySchema } from '@/lib/runner/preview/carry-plan';

/** What every job receives: the design as JSON (loaded in the worker: parsing a big design is work too). */
export type JobInput = {
  design: unknown;
  /** Committed versions, oldest first: migrations follow them. */
  history?: readonly DesignVersion[];
  projectName?: string;
  /** The workspace's user files: merged into the project (see `generateProject`). */
  userCode?: UserCode;
};

export type DesignProblemJson = { code: string; path: string; message: string; elementId?: string };

/** Why a job did not get to generate: the design does not load. */
export type Refusal = { refused: 'invalid'; issues: LoadIssue[] };

/** `generate`: the generate response's JSON body in UTF-8 (serialized in the worker, not on the event loop). */
export type GenerateJobResult = Refusal | Uint8Array<ArrayBuffer>;

export type FilesJobResult =
  | Refusal
  | {
      ok: true;
      files: Record<string, string>;
      /** A user file holds conflict markers (see `generateProject`): the preview refuses to run it. */
      blocked?: boolean;
      userCodeProblems?: UserCodeProblem[];
    }
  | { ok: false; problems: DesignProblemJson[] };

export type ExportJobResult =
  | Refusal
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; name: string }
  | { ok: false; problems: DesignProblemJson[] };

export type GenerateResponseBody =
  | {
      ok: true;
      files: Record<string, string>;
      /** Who writes each file: 'user' files are editable, 'generator' ones are rewritten by every generation. */
      owners: Record<string, FileOwner>;
      diagnostics: Diagnostic[];
      /** Merge conflicts and refused user files, with file and line; `blocked` while a conflict is left. */
      userCodeProblems: UserCodeProblem[];
      blocked: boolean;
      /** User files kept out of the project: their endpoint or entity is gone. */
      orphaned: string[];
      /** The user code to keep after this generation: merged contents and their new bases. */
      userCode: UserCode;
      generatedAt: string;
    }
  | { ok: false; problems: DesignProblemJson[] };

/** `validate`: the design's semantic problems (the preview's validate step). */
export type ValidateJobResult = Refusal | { problems: DesignProblemJson[] };

/** `check`: what `checkProject` says of generated files (the preview's check step). */
export type CheckInput = { files: Record<string, string> };

/**
 * Added by `runJob` to every job's input: the job's port to the main thread, through which a job that checks
 * files borrows helper threads (lib/jobs/shared-checks.ts). Jobs that do not check ignore it.
 */
export type JobPort = { helpers?: MessagePort };

/** `import`: a SQL schema or OpenAPI document read and planned as operations on `target` (a blank design if absent). */
export type ImportInput = { text: string; format?: ImportFormat; target?: unknown; mode: ImportMode };

export type ImportJobResult =
  | Refusal
  | { ok: true; format: ImportFormat; name: string; report: ImportReport; plan: ImportPlan }
  /** The source does not read (ImportError): its message and where. */
  | { ok: false; message: string; at?: SourceLocation };

export type JobName = 'generate' | 'files' | 'exportZip' | 'validate' | 'check' | 'carrySchema' | 'import';
export type JobInputs = {
  generate: JobInput;
  files: JobInput;
  exportZip: JobInput;
  validate: JobInput;
  check: CheckInput;
  carrySchema: JobInput;
  import: ImportInput;
};
export type JobResults = {
  generate: GenerateJobResult;
  files: FilesJobResult;
  exportZip: ExportJobResult;
  validate: ValidateJobResult;
  check: Diagnostic[];
  carrySchema: Refusal | CarrySchema;
  import: ImportJobResult;
};

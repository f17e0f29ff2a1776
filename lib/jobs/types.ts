import type { LoadIssue } from '@/lib/design/load';
import type { DesignVersion, Diagnostic } from '@/lib/generator';
import type { UserCode } from '@/lib/generator/user-code/types';
import type { CarrySchema } from '@/lib/runner/preview/carry-plan';

/** What every job receives: the design as JSON (loaded in the worker: parsing a big design is work too). */
export type JobInput = {
  design: unknown;
  /** Committed versions, oldest first: migrations follow them. */
  history?: readonly DesignVersion[];
  projectName?: string;
  /** The user's own files (validated by the route): they join the generated files, are checked and exported. */
  userCode?: UserCode;
};

export type DesignProblemJson = { code: string; path: string; message: string; elementId?: string };

/** Why a job did not get to generate: the design does not load. */
export type Refusal = { refused: 'invalid'; issues: LoadIssue[] };

/** `generate`: the generate response's JSON body in UTF-8 (serialized in the worker, not on the event loop). */
export type GenerateJobResult = Refusal | Uint8Array<ArrayBuffer>;

export type FilesJobResult =
  | Refusal
  | { ok: true; files: Record<string, string> }
  | { ok: false; problems: DesignProblemJson[] };

export type ExportJobResult =
  | Refusal
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; name: string }
  | { ok: false; problems: DesignProblemJson[] };

export type GenerateResponseBody =
  | { ok: true; files: Record<string, string>; diagnostics: Diagnostic[]; generatedAt: string }
  | { ok: false; problems: DesignProblemJson[] };

/** `validate`: the design's semantic problems (the preview's validate step). */
export type ValidateJobResult = Refusal | { problems: DesignProblemJson[] };

/** `check`: what `checkProject` says of generated files (the preview's check step). */
export type CheckInput = { files: Record<string, string> };

export type JobName = 'generate' | 'files' | 'exportZip' | 'validate' | 'check' | 'carrySchema';
export type JobInputs = {
  generate: JobInput;
  files: JobInput;
  exportZip: JobInput;
  validate: JobInput;
  check: CheckInput;
  carrySchema: JobInput;
};
export type JobResults = {
  generate: GenerateJobResult;
  files: FilesJobResult;
  exportZip: ExportJobResult;
  validate: ValidateJobResult;
  check: Diagnostic[];
  carrySchema: Refusal | CarrySchema;
};

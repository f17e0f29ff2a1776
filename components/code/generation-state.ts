import type { Diagnostic } from '@/lib/generator/checks/types';
import type { UserCode } from '@/lib/generator/user-code/types';
import { classifyChanges, type FileChange, type GeneratedFiles, sameFiles } from './file-changes';

export type { Diagnostic };

export type DesignProblem = { code: string; path: string; message: string; elementId?: string };

export type UserCodeProblem = { code: string; path: string; line: number; message: string };

export type GenerateResponse =
  | {
      ok: true;
      files: Record<string, string>;
      /** 'user' files are editable (the scaffold until written), 'generator' ones read only. */
      owners?: Record<string, 'generator' | 'user'>;
      diagnostics: Diagnostic[];
      userCodeProblems?: UserCodeProblem[];
      blocked?: boolean;
      orphaned?: string[];
      userCode?: UserCode;
      generatedAt: string;
    }
  | { ok: false; problems: DesignProblem[] };

/**
 * What the Code view shows. `files` is the last successful generation (kept while the design is blocked);
 * `previous` is the generation before it and `changes` how the two differ.
 */
export type GenerationState = {
  phase: 'idle' | 'generating' | 'ready' | 'blocked' | 'failed';
  files: GeneratedFiles | null;
  previous: GeneratedFiles | null;
  changes: Readonly<Record<string, FileChange>>;
  /** The checks' findings, merge conflicts and refused user files first. */
  diagnostics: readonly Diagnostic[];
  /** Paths the user owns in the last generation (handler scaffolds included, written or not). */
  userOwned: ReadonlySet<string>;
  /** User files kept out of the project (their endpoint or entity is gone). */
  orphaned: readonly string[];
  /** A user file holds conflict markers: Try it will not run the project until they are resolved. */
  conflicted: boolean;
  problems: readonly DesignProblem[];
  generatedAt: string | null;
  error: string | null;
};

export type GenerationEvent =
  | { type: 'started' }
  | { type: 'answered'; response: GenerateResponse }
  | { type: 'failed'; message: string };

export const initialGeneration: GenerationState = {
  phase: 'idle',
  files: null,
  previous: null,
  changes: {},
  diagnostics: [],
  userOwned: new Set(),
  orphaned: [],
  conflicted: false,
  problems: [],
  generatedAt: null,
  error: null,
};

export function generationReducer(state: GenerationState, event: GenerationEvent): GenerationState {
  switch (event.type) {
    case 'started':
      return { ...state, phase: 'generating', error: null };
    case 'failed':
      return { ...state, phase: 'failed', error: event.message };
    case 'answered': {
      const { response } = event;
      if (!response.ok) return { ...state, phase: 'blocked', problems: response.problems, error: null };
      const base = { ...state, phase: 'ready' as const, problems: [], error: null };
      const fresh = {
        diagnostics: [...(response.userCodeProblems ?? []).map(userCodeDiagnostic), ...response.diagnostics],
        userOwned: new Set(
          Object.entries(response.owners ?? {})
            .filter(([, owner]) => owner === 'user')
            .map(([path]) => path),
        ),
        orphaned: response.orphaned ?? [],
        conflicted: response.blocked ?? false,
        generatedAt: response.generatedAt,
      };
      // A design change that leaves the code as it was (a moved box) keeps the last real change on display.
      if (state.files && sameFiles(state.files, response.files)) return { ...base, ...fresh };
      return {
        ...base,
        ...fresh,
        files: response.files,
        previous: state.files,
        changes: state.files ? classifyChanges(state.files, response.files) : {},
      };
    }
  }
}

/** A merge conflict or a refused user file, listed and marked like the checks' findings. */
function userCodeDiagnostic(problem: UserCodeProblem): Diagnostic {
  return {
    file: problem.path,
    line: Math.max(1, problem.line),
    column: 1,
    rule: problem.code,
    message: problem.message,
    severity: 'error',
  };
}

/** Every path the tree lists: the current files plus the ones the last generation removed. */
export function listedPaths(state: GenerationState): string[] {
  const paths = new Set(Object.keys(state.files ?? {}));
  for (const [path, change] of Object.entries(state.changes)) if (change === 'removed') paths.add(path);
  return [...paths].sort();
}

export function statusText(state: GenerationState): string {
  const count = state.files ? Object.keys(state.files).length : 0;
  switch (state.phase) {
    case 'idle':
      return 'Not generated yet';
    case 'generating':
      return 'Generating…';
    case 'ready':
      return `Generated ${count} ${count === 1 ? 'file' : 'files'}`;
    case 'blocked':
      return `Generation blocked by ${state.problems.length} ${state.problems.length === 1 ? 'problem' : 'problems'}`;
    case 'failed':
      return `Generation failed: ${state.error ?? 'unknown error'}`;
  }
}

export function diagnosticsByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = out.get(d.file);
    if (list) list.push(d);
    else out.set(d.file, [d]);
  }
  return out;
}

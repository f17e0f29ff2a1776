import { applyOperations, type Design, type Operation, OperationError } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import { findElement, selectionExists } from '../model/find-element';
import {
  boxSelection,
  COALESCE_MS,
  type EditorState,
  HISTORY_LIMIT,
  type HistoryEntry,
  type ProposedFileWrite,
  type SaveIssue,
  type Selection,
} from './editor-state';

export type EditorAction =
  | {
      type: 'apply';
      label: string;
      operations: Operation[];
      /** Selection after the change (e.g. the entity just added). */
      select?: Selection;
      coalesceKey?: string;
      at: number;
    }
  | { type: 'replace'; label: string; design: Design; at: number }
  | {
      type: 'propose';
      id: string;
      label: string;
      operations: Operation[];
      highlight: readonly string[];
      /** User files the proposal writes (accepted with the operations). */
      files?: readonly ProposedFileWrite[];
    }
  | { type: 'acceptProposal'; at: number }
  | { type: 'rejectProposal' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; selection: Selection }
  | { type: 'dismissNotice' }
  /** A message for the person (e.g. a paste that was refused). */
  | { type: 'notify'; message: string }
  /** Writes a user file (creating it with no merge base when new); the same content changes nothing. */
  /** `base`: the scaffold the file was shown with, for a file the user starts editing (ignored once stored). */
  | { type: 'writeUserFile'; path: string; content: string; base?: string }
  /** All user code at once (an imported zip). */
  | { type: 'replaceUserCode'; userCode: UserCode }
  | { type: 'saveStarted'; design: Design }
  | { type: 'saveSucceeded'; design: Design; version: number }
  | { type: 'codeSaveStarted'; userCode: UserCode }
  | { type: 'codeSaveSucceeded'; userCode: UserCode; version: number }
  | { type: 'saveConflict'; message: string; currentVersion?: number }
  /** The user keeps their version after a conflict: the next save overwrites `version`. */
  | { type: 'overwriteAfterConflict' }
  /** Clears a non-conflict save error so the autosave tries again. */
  | { type: 'retrySave' }
  | { type: 'saveInvalid'; message: string; issues: SaveIssue[] }
  | { type: 'saveFailed'; message: string }
  | { type: 'reloaded'; design: Design; version: number; userCode?: UserCode }
  /** The undo history kept by this tab before a reload (`design` is the design it was restored against). */
  | { type: 'restoreHistory'; history: EditorState['history']; design: Design };

function pushEntry(state: EditorState, entry: HistoryEntry): EditorState['history'] {
  const last = state.history.past.at(-1);
  const merge =
    last !== undefined &&
    entry.coalesceKey !== undefined &&
    last.coalesceKey === entry.coalesceKey &&
    entry.at - last.at < COALESCE_MS;
  const past = merge
    ? [
        ...state.history.past.slice(0, -1),
        {
          ...entry,
          before: last.before,
          operations: last.operations && entry.operations ? [...last.operations, ...entry.operations] : null,
        },
      ]
    : [...state.history.past, entry];
  return { past: past.slice(-HISTORY_LIMIT), future: [] };
}

/** Keeps the selection while what it points at still exists (of several boxes, those that still do). */
function keepSelection(design: Design, selection: Selection): Selection {
  if (selection?.kind === 'nodes' && !selectionExists(design, selection))
    return boxSelection(selection.ids.filter((id) => findElement(design, id) !== null));
  return selectionExists(design, selection) ? selection : null;
}

function applyChange(state: EditorState, action: Extract<EditorAction, { type: 'apply' }>): EditorState {
  let design: Design;
  try {
    design = applyOperations(state.design, action.operations);
  } catch (error) {
    if (error instanceof OperationError) return { ...state, notice: error.message };
    throw error;
  }
  const entry: HistoryEntry = {
    label: action.label,
    operations: action.operations,
    before: state.design,
    after: design,
    coalesceKey: action.coalesceKey,
    at: action.at,
  };
  const selection = action.select !== undefined ? action.select : state.selection;
  return {
    ...state,
    design,
    history: pushEntry(state, entry),
    selection: keepSelection(design, selection),
    notice: null,
  };
}

const REVIEWING = 'Accept or reject the assistant’s proposal first.';
const EDITS = new Set<EditorAction['type']>([
  'apply',
  'replace',
  'undo',
  'redo',
  'writeUserFile',
  'replaceUserCode',
]);

/** `files` written over `userCode`: own properties only, whatever the paths. */
function writeFiles(userCode: UserCode, files: readonly ProposedFileWrite[]): UserCode {
  if (files.length === 0) return userCode;
  const next: UserCode = { files: { ...userCode.files } };
  for (const { path, after, base } of files)
    Object.defineProperty(next.files, path, {
      value: { content: after, base },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return next;
}

function propose(state: EditorState, action: Extract<EditorAction, { type: 'propose' }>): EditorState {
  try {
    const design = applyOperations(state.design, action.operations);
    const { id, label, operations, highlight } = action;
    const files = action.files ?? [];
    return {
      ...state,
      proposal: {
        id,
        label,
        operations,
        highlight,
        base: state.design,
        design,
        files,
        baseUserCode: state.userCode,
        userCode: writeFiles(state.userCode, files),
      },
      notice: null,
    };
  } catch (error) {
    if (error instanceof OperationError)
      return { ...state, notice: `The proposal no longer fits the design: ${error.message}` };
    throw error;
  }
}

/**
 * Pure state transitions of one editor: design changes through operations, typed undo/redo, save bookkeeping,
 * and the review of an assistant proposal (edits wait while one is shown; accepting is one undoable step).
 */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  if (state.proposal && EDITS.has(action.type)) return { ...state, notice: REVIEWING };
  switch (action.type) {
    case 'propose':
      return propose(state, action);
    case 'rejectProposal':
      return state.proposal ? { ...state, proposal: null } : state;
    case 'acceptProposal': {
      const { proposal } = state;
      if (!proposal) return state;
      // Edits wait during review, so the proposal was made on this very design and code: one step for both.
      const entry: HistoryEntry = {
        label: proposal.label,
        operations: proposal.operations,
        before: state.design,
        after: proposal.design,
        at: action.at,
        ...(proposal.files.length > 0
          ? { userCode: { before: state.userCode, after: proposal.userCode } }
          : {}),
      };
      return {
        ...state,
        design: proposal.design,
        userCode: proposal.userCode,
        proposal: null,
        history: pushEntry(state, entry),
        notice: null,
      };
    }
    case 'apply':
      return applyChange(state, action);
    case 'replace': {
      const entry: HistoryEntry = {
        label: action.label,
        operations: null,
        before: state.design,
        after: action.design,
        at: action.at,
      };
      return {
        ...state,
        design: action.design,
        history: pushEntry(state, entry),
        selection: null,
        notice: null,
      };
    }
    case 'undo': {
      const entry = state.history.past.at(-1);
      if (!entry) return state;
      return {
        ...state,
        design: entry.before,
        userCode: entry.userCode?.before ?? state.userCode,
        selection: keepSelection(entry.before, state.selection),
        history: { past: state.history.past.slice(0, -1), future: [entry, ...state.history.future] },
        notice: null,
      };
    }
    case 'redo': {
      const [entry, ...future] = state.history.future;
      if (!entry) return state;
      return {
        ...state,
        design: entry.after,
        userCode: entry.userCode?.after ?? state.userCode,
        selection: keepSelection(entry.after, state.selection),
        history: { past: [...state.history.past, entry], future },
        notice: null,
      };
    }
    case 'select':
      return state.selection === action.selection ? state : { ...state, selection: action.selection };
    case 'dismissNotice':
      return { ...state, notice: null };
    case 'notify':
      return { ...state, notice: action.message };
    case 'writeUserFile': {
      const current = state.userCode.files[action.path];
      if (current?.content === action.content) return state;
      const file = { content: action.content, base: current?.base ?? action.base ?? '' };
      return { ...state, userCode: { files: { ...state.userCode.files, [action.path]: file } } };
    }
    case 'replaceUserCode':
      return { ...state, userCode: action.userCode };
    case 'saveStarted':
      return { ...state, save: { ...state.save, inFlight: action.design, error: null } };
    case 'saveSucceeded':
      return {
        ...state,
        save: {
          ...state.save,
          version: action.version,
          savedDesign: action.design,
          inFlight: null,
          error: null,
        },
      };
    case 'codeSaveStarted':
      return { ...state, save: { ...state.save, inFlight: action.userCode, error: null } };
    case 'codeSaveSucceeded':
      return {
        ...state,
        save: {
          ...state.save,
          version: action.version,
          savedUserCode: action.userCode,
          inFlight: null,
          error: null,
        },
      };
    case 'saveConflict':
      return {
        ...state,
        save: {
          ...state.save,
          inFlight: null,
          error: { kind: 'conflict', message: action.message, currentVersion: action.currentVersion },
        },
      };
    case 'retrySave':
      if (state.save.error === null || state.save.error.kind === 'conflict') return state;
      return { ...state, save: { ...state.save, error: null } };
    case 'overwriteAfterConflict': {
      const current = state.save.error?.currentVersion;
      if (state.save.error?.kind !== 'conflict' || current === undefined) return state;
      // Anything but the saved design (and code) counts as unsaved, so the autosave picks both up.
      const savedDesign =
        state.design === state.save.savedDesign ? { ...state.design } : state.save.savedDesign;
      const savedUserCode =
        state.userCode === state.save.savedUserCode ? { ...state.userCode } : state.save.savedUserCode;
      return {
        ...state,
        save: { version: current, savedDesign, savedUserCode, inFlight: null, error: null },
      };
    }
    case 'saveInvalid':
      return {
        ...state,
        save: {
          ...state.save,
          inFlight: null,
          error: { kind: 'invalid', message: action.message, issues: action.issues },
        },
      };
    case 'saveFailed':
      return {
        ...state,
        save: { ...state.save, inFlight: null, error: { kind: 'failed', message: action.message } },
      };
    case 'restoreHistory': {
      const untouched = state.history.past.length === 0 && state.history.future.length === 0;
      if (!untouched || state.design !== action.design || state.proposal) return state;
      return { ...state, history: action.history };
    }
    case 'reloaded': {
      const userCode = action.userCode ?? state.userCode;
      return {
        design: action.design,
        userCode,
        proposal: null,
        selection: keepSelection(action.design, state.selection),
        history: { past: [], future: [] },
        save: {
          version: action.version,
          savedDesign: action.design,
          savedUserCode: userCode,
          inFlight: null,
          error: null,
        },
        notice: null,
      };
    }
  }
}

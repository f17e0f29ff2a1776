import type { CrudOperationName, Design, Operation } from '@/lib/design';
import { emptyUserCode, type UserCode } from '@/lib/generator/user-code/types';

/**
 * What the inspector shows. Elements (entities, fields, relations, enums) are selected by their design id;
 * several boxes (entities and enums, at least two) by a box selection or a paste.
 */
export type Selection =
  | { kind: 'element'; id: string }
  | { kind: 'nodes'; ids: readonly string[] }
  | { kind: 'endpoint'; entityId: string; operation: CrudOperationName }
  | { kind: 'auth' }
  | null;

/** The selection of these boxes: none, one element, or several. */
export function boxSelection(ids: readonly string[]): Selection {
  if (ids.length === 0) return null;
  if (ids.length === 1) return { kind: 'element', id: ids[0] as string };
  return { kind: 'nodes', ids };
}

/**
 * One undoable step. `operations` documents what happened (null for a whole-document replacement such as an
 * import); `before`/`after` are the designs on either side, cheap thanks to structural sharing. `userCode`: the
 * user code on either side, for a step that changed it too (an accepted proposal that wrote files).
 */
export type HistoryEntry = {
  label: string;
  operations: Operation[] | null;
  before: Design;
  after: Design;
  userCode?: { before: UserCode; after: UserCode };
  /** Consecutive edits with the same key inside COALESCE_MS (typing a name) merge into one entry. */
  coalesceKey?: string;
  at: number;
};

export type History = { past: HistoryEntry[]; future: HistoryEntry[] };

export type SaveIssue = { path: string; message: string };

/**
 * `savedDesign` and `savedUserCode` are what the server holds at `version` (one version for both); the
 * workspace is dirty whenever `design` or `userCode` is not that object. A conflict error stops autosave until
 * the user resolves it.
 */
export type SaveState = {
  version: number;
  savedDesign: Design;
  savedUserCode: UserCode;
  /** The design or the user code being saved (one request at a time). */
  inFlight: Design | UserCode | null;
  error: {
    kind: 'conflict' | 'invalid' | 'failed';
    message: string;
    issues?: SaveIssue[];
    currentVersion?: number;
  } | null;
};

/** A user file a proposal writes: its new content and merge base. */
export type ProposedFileWrite = { path: string; after: string; base: string };

/**
 * An assistant proposal under review: `design` is `operations` applied to `base` (the design when it arrived),
 * `userCode` is `files` written over `baseUserCode` (the user code then). The editor shows both, the design
 * highlighted, until the person accepts them (one undoable step) or rejects them.
 */
export type ProposalReview = {
  id: string;
  label: string;
  operations: Operation[];
  base: Design;
  design: Design;
  files: readonly ProposedFileWrite[];
  baseUserCode: UserCode;
  userCode: UserCode;
  highlight: readonly string[];
};

export type EditorState = {
  design: Design;
  /** The user's own files (handlers, hooks, custom tests): edited in the Code view, saved beside the design. */
  userCode: UserCode;
  proposal: ProposalReview | null;
  selection: Selection;
  history: History;
  save: SaveState;
  /** Last operation that could not apply (shown as a toast-like message). */
  notice: string | null;
};

export const HISTORY_LIMIT = 100;
export const COALESCE_MS = 1000;

export function initialEditorState(
  design: Design,
  version: number,
  userCode: UserCode = emptyUserCode(),
): EditorState {
  return {
    design,
    userCode,
    proposal: null,
    selection: null,
    history: { past: [], future: [] },
    save: { version, savedDesign: design, savedUserCode: userCode, inFlight: null, error: null },
    notice: null,
  };
}

export type SaveStatus = 'saved' | 'saving' | 'dirty' | 'error';

export function saveStatusOf(state: EditorState): SaveStatus {
  if (state.save.error) return 'error';
  if (state.save.inFlight) return 'saving';
  return state.design === state.save.savedDesign && state.userCode === state.save.savedUserCode
    ? 'saved'
    : 'dirty';
}

/** What the canvas and the Code view show: the proposal under review, else the design. */
export const shownDesign = (state: EditorState): Design => state.proposal?.design ?? state.design;

/** The user code the Code view shows: the proposal's, else the editor's. */
export const shownUserCode = (state: EditorState): UserCode => state.proposal?.userCode ?? state.userCode;

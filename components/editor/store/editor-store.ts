import type { Design } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import { type EditorAction, editorReducer } from './editor-reducer';
import { type EditorState, initialEditorState } from './editor-state';

export type EditorStore = {
  getState: () => EditorState;
  subscribe: (listener: () => void) => () => void;
  dispatch: (action: EditorAction) => void;
};

/** Actions that change the design: a read-only store drops them (selection and inspection still work). */
const WRITES = new Set<EditorAction['type']>([
  'apply',
  'replace',
  'undo',
  'redo',
  'writeUserFile',
  'replaceUserCode',
]);

/** One store per mounted editor (never module-global); read with `useSyncExternalStore`. */
export function createEditorStore(
  design: Design,
  version: number,
  options: { readOnly?: boolean; userCode?: UserCode } = {},
): EditorStore {
  let state = initialEditorState(design, version, options.userCode);
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(action) {
      if (options.readOnly && WRITES.has(action.type)) return;
      const next = editorReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

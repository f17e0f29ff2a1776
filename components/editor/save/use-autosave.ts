'use client';

import { useEffect } from 'react';
import { callApi } from '@/lib/api/client';
import type { Design } from '@/lib/design';
import { useEditorStore } from '../store/editor-context';
import type { EditorState } from '../store/editor-state';
import type { EditorStore } from '../store/editor-store';

export const AUTOSAVE_DELAY_MS = 600;

type SaveError = {
  code: string;
  message: string;
  currentVersion?: number;
  issues?: { path: string; message: string }[];
};

function saveFailed(store: EditorStore, error: SaveError): void {
  if (error.code === 'conflict') {
    store.dispatch({ type: 'saveConflict', message: error.message, currentVersion: error.currentVersion });
  } else if (error.code === 'validation_failed') {
    store.dispatch({ type: 'saveInvalid', message: error.message, issues: error.issues ?? [] });
  } else store.dispatch({ type: 'saveFailed', message: error.message });
}

/**
 * One save: the design when it changed, else the user code. Both go under the workspace's one version, so the
 * next save (of the other) is based on the version this one returned.
 */
async function saveOnce(store: EditorStore, workspaceId: string): Promise<void> {
  const state = store.getState();
  if (state.design !== state.save.savedDesign) {
    const design: Design = state.design;
    store.dispatch({ type: 'saveStarted', design });
    const result = await callApi<{ version: number }>(`/api/workspaces/${workspaceId}/design`, {
      method: 'PUT',
      body: { design, baseVersion: state.save.version },
    });
    if (result.ok) store.dispatch({ type: 'saveSucceeded', design, version: result.data.version });
    else saveFailed(store, result.error);
    return;
  }
  const userCode = state.userCode;
  store.dispatch({ type: 'codeSaveStarted', userCode });
  const result = await callApi<{ version: number }>(`/api/workspaces/${workspaceId}/code`, {
    method: 'PUT',
    body: { userCode, baseVersion: state.save.version },
  });
  if (result.ok) store.dispatch({ type: 'codeSaveSucceeded', userCode, version: result.data.version });
  else saveFailed(store, result.error);
}

const dirty = ({ design, userCode, save }: EditorState) =>
  design !== save.savedDesign || userCode !== save.savedUserCode;

/**
 * Debounced autosave with optimistic concurrency: PUT with `baseVersion` ~600 ms after the last change, the
 * design first, then the user code.
 * A conflict stops autosaving until the user reloads or chooses to overwrite; other errors retry on the next change.
 */
export function useAutosave(workspaceId: string, enabled = true): void {
  const store = useEditorStore();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let active = true;
    /** After a failed save, only a new change (`retry`) tries again, so a dead server is not hammered. */
    const pending = (retry: boolean) => {
      const state = store.getState();
      const { save } = state;
      const blocked = save.error !== null && (!retry || save.error.kind === 'conflict');
      return dirty(state) && save.inFlight === null && !blocked;
    };
    const schedule = (retry: boolean) => {
      clearTimeout(timer);
      if (!pending(retry)) return;
      timer = setTimeout(async () => {
        if (!active || !pending(retry)) return;
        await saveOnce(store, workspaceId);
        if (active) schedule(false);
      }, AUTOSAVE_DELAY_MS);
    };
    let last = store.getState();
    const unsubscribe = store.subscribe(() => {
      const next = store.getState();
      const changed =
        next.design !== last.design ||
        next.userCode !== last.userCode ||
        (last.save.error !== null && next.save.error === null);
      last = next;
      if (changed) schedule(true);
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty(store.getState())) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      active = false;
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [store, workspaceId, enabled]);
}

'use client';

import { useEffect } from 'react';
import { callApi } from '@/lib/api/client';
import type { Design } from '@/lib/design';
import { useEditorStore } from '../store/editor-context';
import type { EditorStore } from '../store/editor-store';

export const AUTOSAVE_DELAY_MS = 600;

async function saveOnce(store: EditorStore, workspaceId: string): Promise<void> {
  const state = store.getState();
  const design: Design = state.design;
  store.dispatch({ type: 'saveStarted', design });
  const result = await callApi<{ version: number }>(`/api/workspaces/${workspaceId}/design`, {
    method: 'PUT',
    body: { design, baseVersion: state.save.version },
  });
  if (result.ok) store.dispatch({ type: 'saveSucceeded', design, version: result.data.version });
  else if (result.error.code === 'conflict') {
    store.dispatch({
      type: 'saveConflict',
      message: result.error.message,
      currentVersion: result.error.currentVersion,
    });
  } else if (result.error.code === 'validation_failed') {
    store.dispatch({ type: 'saveInvalid', message: result.error.message, issues: result.error.issues ?? [] });
  } else store.dispatch({ type: 'saveFailed', message: result.error.message });
}

/**
 * Debounced autosave with optimistic concurrency: PUT with `baseVersion` ~600 ms after the last change.
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
      const { design, save } = store.getState();
      const blocked = save.error !== null && (!retry || save.error.kind === 'conflict');
      return design !== save.savedDesign && save.inFlight === null && !blocked;
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
      const changed = next.design !== last.design || (last.save.error !== null && next.save.error === null);
      last = next;
      if (changed) schedule(true);
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { design, save } = store.getState();
      if (design !== save.savedDesign) {
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

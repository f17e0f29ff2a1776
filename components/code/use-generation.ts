'use client';

import { useEffect, useReducer, useRef } from 'react';
import { useEditor, useEditorStore } from '@/components/editor/store/editor-context';
import { useEditorMode } from '@/components/editor/store/editor-mode';
import { shownDesign, shownUserCode } from '@/components/editor/store/editor-state';
import { callApi } from '@/lib/api/client';
import type { Design } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import {
  type GenerateResponse,
  type GenerationState,
  generationReducer,
  initialGeneration,
} from './generation-state';

export const REGENERATE_DELAY_MS = 800;

/**
 * Generates the editor's in-memory design and user code (unsaved edits included) while `active`: at once when the view
 * opens on a design it has not generated, then debounced as the design changes. Only the newest request's
 * answer is applied, so a slow earlier answer can never overwrite a later one.
 */
export function useGeneration(workspaceId: string, active: boolean): GenerationState {
  // An assistant proposal under review is what the view shows (and diffs against the design it would change).
  const design = useEditor(shownDesign);
  // The user's files go along, so their lint diagnostics follow the typing (a view link's are the stored ones);
  // under review, the proposal's files.
  const userCode = useEditor(shownUserCode);
  const [state, dispatch] = useReducer(generationReducer, initialGeneration);
  const latest = useRef(0);
  const generated = useRef<{ design: Design; userCode: UserCode } | null>(null);
  const wasActive = useRef(false);
  const mode = useEditorMode();
  const url = mode.generateUrl(workspaceId);
  const store = useEditorStore();

  useEffect(() => {
    const justOpened = active && !wasActive.current;
    wasActive.current = active;
    const last = generated.current;
    if (!active || (last?.design === design && last.userCode === userCode)) return;
    const timer = setTimeout(
      async () => {
        generated.current = { design, userCode };
        const request = ++latest.current;
        dispatch({ type: 'started' });
        const result = await callApi<GenerateResponse>(url, {
          method: 'POST',
          body: { design, userCode },
        });
        if (request !== latest.current) return;
        if (result.ok) {
          dispatch({ type: 'answered', response: result.data });
          adoptMerged(store, userCode, result.data);
        } else {
          // Let the next change (or reopening the view) try again.
          generated.current = null;
          dispatch({ type: 'failed', message: result.error.message });
        }
      },
      justOpened ? 0 : REGENERATE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [design, userCode, active, url, store]);

  return state;
}

/**
 * A clean merge applies silently: when the design changed a scaffold, the generator merged it into the user's
 * file, and the store takes the merged state, unless the person typed since the request went out (then the next
 * generation merges again). Identical states change nothing, so this never loops with autosave.
 */
function adoptMerged(
  store: ReturnType<typeof useEditorStore>,
  sent: UserCode,
  response: GenerateResponse,
): void {
  if (!response.ok || !response.userCode) return;
  const state = store.getState();
  if (state.userCode !== sent || state.proposal !== null) return;
  if (JSON.stringify(response.userCode) === JSON.stringify(sent)) return;
  store.dispatch({ type: 'replaceUserCode', userCode: response.userCode });
}

'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useEditor, useEditorStore } from '@/components/editor/store/editor-context';
import type { Design } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import {
  type EndEvent,
  initialPreview,
  type PreviewState,
  type PreviewStatus,
  parseJson,
  previewReducer,
  RESTART_DELAY_MS,
  type StepEvent,
  sameRuntimeDesign,
} from './preview-state';
import { readSse } from './sse';

export { RESTART_DELAY_MS };

export type PreviewControls = {
  state: PreviewState;
  /** Starts again with the current design (also after a stop or when the toolchain was missing). */
  restart: () => void;
  /** Starts again with the current design on an empty database. */
  resetData: () => void;
  stop: () => void;
  /** Hides the data reset banner. */
  dismissReset: () => void;
};

const errorMessage = (body: unknown, status: number): string => {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : `the server answered ${status}`;
};

/**
 * Runs the editor's in-memory design in the preview sandbox while `active`: at once when the tab opens on a
 * design it has not started, then debounced as the design changes. A new start aborts the stream of the
 * previous one, whose events are ignored from then on.
 */
export function usePreview(workspaceId: string, active: boolean): PreviewControls {
  const store = useEditorStore();
  const design = useEditor((s) => s.design);
  // Editing a handler restarts the app too (data kept), like a design change.
  const userCode = useEditor((s) => s.userCode);
  const [state, dispatch] = useReducer(previewReducer, initialPreview);
  const run = useRef<AbortController | null>(null);
  const started = useRef<Design | null>(null);
  const startedCode = useRef<UserCode | null>(null);
  const available = useRef(false);
  const stopped = useRef(false);
  const wasActive = useRef(false);
  const endpoint = `/api/workspaces/${workspaceId}/preview`;
  const baseUrl = `/preview/${workspaceId}`;

  const start = useCallback(
    async (next: Design, resetData = false) => {
      run.current?.abort();
      const controller = new AbortController();
      run.current = controller;
      const { signal } = controller;
      started.current = next;
      startedCode.current = store.getState().userCode;
      stopped.current = false;
      try {
        if (!available.current) {
          dispatch({ type: 'checking' });
          const response = await fetch(endpoint, { signal, cache: 'no-store' });
          const status = (await response.json().catch(() => null)) as PreviewStatus | null;
          if (signal.aborted) return;
          if (!response.ok || !status)
            return dispatch({ type: 'failed', message: errorMessage(status, response.status) });
          dispatch({ type: 'status', status });
          if (status.state === 'unavailable') return;
          available.current = true;
        }
        dispatch({ type: 'started', resetData });
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          // The user's files as they are in the editor (saved or not) run with the generated project.
          body: JSON.stringify({
            design: next,
            userCode: store.getState().userCode,
            ...(resetData ? { resetData: true } : {}),
          }),
          signal,
        });
        if (signal.aborted) return;
        if (!response.ok || !response.body) {
          const body = await response.json().catch(() => null);
          if (signal.aborted) return;
          if ((body as PreviewStatus | null)?.state === 'unavailable') {
            available.current = false;
            return dispatch({ type: 'status', status: body as PreviewStatus });
          }
          return dispatch({ type: 'failed', message: errorMessage(body, response.status) });
        }
        let ended = false;
        await readSse(
          response.body,
          (event) => {
            const data = parseJson(event.data);
            if (signal.aborted || data === null) return;
            if (event.event === 'step') dispatch({ type: 'step', step: data as StepEvent });
            else if (event.event === 'end') {
              ended = true;
              dispatch({ type: 'ended', end: data as EndEvent, fallbackBaseUrl: baseUrl });
            }
          },
          signal,
        );
        if (!ended && !signal.aborted)
          dispatch({ type: 'failed', message: 'the preview stream ended before the server was ready' });
      } catch (error) {
        if (signal.aborted) return;
        dispatch({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [endpoint, baseUrl, store],
  );

  useEffect(() => {
    const justOpened = active && !wasActive.current;
    wasActive.current = active;
    if (!active || stopped.current) return;
    if (sameRuntimeDesign(started.current, design) && startedCode.current === userCode) return;
    const timer = setTimeout(() => void start(design), justOpened ? 0 : RESTART_DELAY_MS);
    return () => clearTimeout(timer);
  }, [design, userCode, active, start]);

  useEffect(() => () => run.current?.abort(), []);

  return useMemo(
    () => ({
      state,
      restart: () => void start(store.getState().design),
      resetData: () => void start(store.getState().design, true),
      stop: () => {
        run.current?.abort();
        stopped.current = true;
        dispatch({ type: 'stopped' });
        void fetch(endpoint, { method: 'DELETE' }).catch(() => {});
      },
      dismissReset: () => dispatch({ type: 'dismissReset' }),
    }),
    [state, start, store, endpoint],
  );
}

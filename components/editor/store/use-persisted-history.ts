'use client';

import { useEffect } from 'react';
import type { EditorStore } from './editor-store';
import { loadStoredHistory, saveStoredHistory } from './history-storage';

const SAVE_DELAY_MS = 250;

/**
 * Keeps the store's undo history in this tab's sessionStorage under `key` (the workspace id) and brings it
 * back after a reload. Restored after mount, so the server-rendered page and the first client render agree.
 */
export function usePersistedHistory(store: EditorStore, key: string | undefined): void {
  useEffect(() => {
    if (!key) return;
    const { design } = store.getState();
    const restored = loadStoredHistory(key, design);
    if (restored) store.dispatch({ type: 'restoreHistory', history: restored, design });
    let kept = store.getState().history;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      saveStoredHistory(key, kept);
    };
    const unsubscribe = store.subscribe(() => {
      const { history } = store.getState();
      if (history === kept) return;
      kept = history;
      clearTimeout(timer);
      timer = setTimeout(flush, SAVE_DELAY_MS);
    });
    const onPageHide = () => {
      if (timer !== undefined) flush();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', onPageHide);
      if (timer !== undefined) flush();
    };
  }, [store, key]);
}

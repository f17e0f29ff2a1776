'use client';

import { createContext, type ReactNode, useContext, useState, useSyncExternalStore } from 'react';
import type { Design } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import type { EditorState } from './editor-state';
import { createEditorStore, type EditorStore } from './editor-store';
import { usePersistedHistory } from './use-persisted-history';

const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({
  design,
  version,
  userCode,
  readOnly = false,
  historyKey,
  children,
}: {
  design: Design;
  version: number;
  userCode?: UserCode;
  readOnly?: boolean;
  /** Keeps the undo history across reloads of this tab under this key (the workspace id). */
  historyKey?: string;
  children: ReactNode;
}) {
  // Created once per mounted editor; later props never reset the user's work.
  const [store] = useState(() => createEditorStore(design, version, { readOnly, userCode }));
  usePersistedHistory(store, readOnly ? undefined : historyKey);
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorStoreProvider>');
  return store;
}

/** Subscribes to a slice; the selector must return stored references (or primitives) to avoid re-renders. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useEditorStore();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}

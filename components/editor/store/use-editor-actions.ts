'use client';

import { useMemo } from 'react';
import type { Design, Operation } from '@/lib/design';
import { useEditorStore } from './editor-context';
import type { ProposedFileWrite, Selection } from './editor-state';

export type ApplyOptions = { select?: Selection; coalesceKey?: string };

/** Stable callbacks that turn gestures into named design operations. */
export function useEditorActions() {
  const store = useEditorStore();
  return useMemo(
    () => ({
      apply(label: string, operations: Operation | Operation[], options: ApplyOptions = {}) {
        store.dispatch({
          type: 'apply',
          label,
          operations: Array.isArray(operations) ? operations : [operations],
          at: Date.now(),
          ...options,
        });
      },
      replace(label: string, design: Design) {
        store.dispatch({ type: 'replace', label, design, at: Date.now() });
      },
      select(selection: Selection) {
        store.dispatch({ type: 'select', selection });
      },
      undo() {
        store.dispatch({ type: 'undo' });
      },
      redo() {
        store.dispatch({ type: 'redo' });
      },
      propose(
        id: string,
        label: string,
        operations: Operation[],
        highlight: readonly string[],
        files: readonly ProposedFileWrite[] = [],
      ) {
        store.dispatch({ type: 'propose', id, label, operations, highlight, files });
      },
      acceptProposal() {
        store.dispatch({ type: 'acceptProposal', at: Date.now() });
      },
      rejectProposal() {
        store.dispatch({ type: 'rejectProposal' });
      },
      dismissNotice() {
        store.dispatch({ type: 'dismissNotice' });
      },
    }),
    [store],
  );
}

export type EditorActions = ReturnType<typeof useEditorActions>;

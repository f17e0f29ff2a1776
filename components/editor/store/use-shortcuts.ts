'use client';

import { useEffect } from 'react';
import { findElement } from '../model/find-element';
import { newId } from '../model/ids';
import { keysBelongElsewhere } from '../shortcuts/focus';
import { deleteOperationsFor } from './delete-selection';
import { useEditorStore } from './editor-context';

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, Delete, Ctrl+D (duplicate entity); form fields and dialogs keep their own
 * keys. The canvas's own keys (search, copy/paste, nudge, zoom) are in shortcuts/use-canvas-keys.ts.
 */
export function useShortcuts(): void {
  const store = useEditorStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (keysBelongElsewhere(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const { design, selection } = store.getState();
      if (mod && key === 'z') {
        event.preventDefault();
        store.dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
      } else if (mod && key === 'y') {
        event.preventDefault();
        store.dispatch({ type: 'redo' });
      } else if (mod && key === 'd') {
        const found = selection?.kind === 'element' ? findElement(design, selection.id) : null;
        const entity = found?.kind === 'entity' || found?.kind === 'field' ? found.entity : null;
        if (!entity) return;
        event.preventDefault();
        const id = newId('ent');
        store.dispatch({
          type: 'apply',
          label: 'Duplicate entity',
          operations: [{ op: 'duplicateEntity', entityId: entity.id, newId: id }],
          select: { kind: 'element', id },
          at: Date.now(),
        });
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        const target = deleteOperationsFor(design, selection);
        if (!target) return;
        event.preventDefault();
        store.dispatch({
          type: 'apply',
          label: target.label,
          operations: target.operations,
          select: null,
          at: Date.now(),
        });
      } else if (event.key === 'Escape' && selection !== null) {
        store.dispatch({ type: 'select', selection: null });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

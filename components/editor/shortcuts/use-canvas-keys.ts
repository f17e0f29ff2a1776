'use client';

import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { copyNodes, type Operation, OperationError, pasteOperations, readClipboard } from '@/lib/design';
import { FIT_VIEW_OPTIONS } from '../flow/fit-view';
import { selectedNodeIds } from '../model/find-element';
import { newId } from '../model/ids';
import { useEditorStore } from '../store/editor-context';
import { useEditorMode } from '../store/editor-mode';
import { boxSelection } from '../store/editor-state';
import { keysBelongElsewhere } from './focus';
import { textToPaste, writeCopiedText } from './system-clipboard';

/** The canvas grid (the background dots): one arrow key press moves a box this far, ten with Shift. */
export const GRID_STEP = 20;

const ZOOM_IN = new Set(['=', '+']);
const ZOOM_KEYS: Record<string, 'in' | 'out' | 'fit'> = {
  Equal: 'in',
  NumpadAdd: 'in',
  Minus: 'out',
  NumpadSubtract: 'out',
  Digit0: 'fit',
  Numpad0: 'fit',
};
const ARROWS: Record<string, { x: number; y: number }> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

function zoomOf(event: KeyboardEvent): 'in' | 'out' | 'fit' | null {
  if (ZOOM_IN.has(event.key)) return 'in';
  if (event.key === '-' || event.key === '_') return 'out';
  if (event.key === '0') return 'fit';
  return ZOOM_KEYS[event.code] ?? null;
}

/**
 * The canvas's keyboard: Ctrl+K / Ctrl+F search, `?` shortcut sheet, Ctrl +/-/0 zoom, arrow keys nudge the
 * selected boxes, Ctrl+C / Ctrl+V copy and paste boxes. Only while the design view is shown and the keys are not
 * meant for a form field, the code editor or a dialog; Ctrl+F, arrows and clipboard keys only while the canvas
 * has focus (elsewhere the browser's find and text copy work as usual).
 */
export function useCanvasKeys(open: { search: () => void; shortcuts: () => void }): void {
  const store = useEditorStore();
  const flow = useReactFlow();
  const domNode = useStore((s) => s.domNode);
  const { readOnly } = useEditorMode();
  const { search, shortcuts } = open;

  useEffect(() => {
    if (!domNode) return;
    const shown = () => domNode.isConnected && domNode.getClientRects().length > 0;
    const canvasFocused = () => {
      const active = document.activeElement;
      return active === null || active === document.body || domNode.contains(active);
    };
    const editable = () => !readOnly && store.getState().proposal === null;

    const nudge = (event: KeyboardEvent, direction: { x: number; y: number }) => {
      const { design, selection } = store.getState();
      const ids = selectedNodeIds(design, selection);
      if (ids.length === 0 || !editable()) return;
      const step = GRID_STEP * (event.shiftKey ? 10 : 1);
      const operations: Operation[] = ids.map((id) => {
        const at = design.layout.nodes[id] ?? flow.getNode(id)?.position ?? { x: 0, y: 0 };
        return { op: 'moveNode', id, x: at.x + direction.x * step, y: at.y + direction.y * step };
      });
      // React Flow's own arrow handling (5 px, no undo step of ours) must not run as well.
      event.preventDefault();
      event.stopPropagation();
      store.dispatch({
        type: 'apply',
        label: ids.length === 1 ? 'Nudge' : 'Nudge boxes',
        operations,
        // A burst of presses is one undo step.
        coalesceKey: `nudge:${ids.join(',')}`,
        at: Date.now(),
      });
    };

    const copy = (event: KeyboardEvent) => {
      if (window.getSelection()?.toString()) return; // text selected on the page: the browser copies it
      const { design, selection } = store.getState();
      const clip = copyNodes(design, selectedNodeIds(design, selection));
      if (!clip) return;
      event.preventDefault();
      writeCopiedText(JSON.stringify(clip));
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (!shown() || keysBelongElsewhere(event.target)) return;
      const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      if (mod && (key === 'k' || (key === 'f' && canvasFocused()))) {
        event.preventDefault();
        search();
        return;
      }
      if (!mod && event.key === '?') {
        event.preventDefault();
        shortcuts();
        return;
      }
      const zoom = mod ? zoomOf(event) : null;
      if (zoom) {
        event.preventDefault(); // not the browser's page zoom
        if (zoom === 'in') void flow.zoomIn({ duration: 150 });
        else if (zoom === 'out') void flow.zoomOut({ duration: 150 });
        else void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 });
        return;
      }
      if (!canvasFocused()) return;
      const direction = ARROWS[event.key];
      if (direction && !mod && !event.altKey) nudge(event, direction);
      else if (mod && key === 'c' && !event.shiftKey) copy(event);
    };

    // Reading the clipboard from the paste event needs no permission prompt (navigator.clipboard.readText does).
    const onPaste = (event: ClipboardEvent) => {
      if (!shown() || keysBelongElsewhere(event.target) || !canvasFocused()) return;
      const text = textToPaste(event.clipboardData?.getData('text/plain'));
      if (!text) return;
      const read = readClipboard(text);
      if (read.kind === 'foreign') return;
      event.preventDefault();
      if (read.kind === 'invalid') {
        store.dispatch({ type: 'notify', message: `Nothing was pasted. ${read.message}` });
        return;
      }
      if (!editable()) return;
      try {
        const plan = pasteOperations(store.getState().design, read.clipboard, newId);
        store.dispatch({
          type: 'apply',
          label: plan.nodeIds.length === 1 ? 'Paste box' : `Paste ${plan.nodeIds.length} boxes`,
          operations: plan.operations,
          select: boxSelection(plan.nodeIds),
          at: Date.now(),
        });
      } catch (error) {
        if (!(error instanceof OperationError)) throw error;
        store.dispatch({ type: 'notify', message: `Nothing was pasted. ${error.message}` });
      }
    };

    // Shift+mousedown on the pane starts a selection rectangle, not a text selection across the page (which
    // would also make Ctrl+C copy that text instead of the boxes). Focus leaves any form field, as on a click.
    const onMouseDown = (event: MouseEvent) => {
      if (!event.shiftKey || !(event.target instanceof Element) || !event.target.closest('.react-flow__pane'))
        return;
      event.preventDefault();
      window.getSelection()?.removeAllRanges();
      const active = document.activeElement;
      if (active instanceof HTMLElement && !domNode.contains(active)) active.blur();
    };

    // Capture: ahead of React Flow's handlers on the focused box (its arrow keys move by 5 px).
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('paste', onPaste);
    domNode.addEventListener('mousedown', onMouseDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('paste', onPaste);
      domNode.removeEventListener('mousedown', onMouseDown, true);
    };
  }, [domNode, flow, store, readOnly, search, shortcuts]);
}

'use client';

import './canvas-keys.css';
import { Panel } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useLayout } from '../flow/use-layout';
import { SearchPalette } from '../search/search-palette';
import { ShortcutSheet } from './shortcut-sheet';
import { useCanvasKeys } from './use-canvas-keys';

/**
 * The canvas's keyboard layer (inside <ReactFlow>): the keys of `useCanvasKeys`, the search palette, the
 * shortcut sheet, buttons that open them for mouse users, and Layout selection (it acts on the canvas's selection).
 */
export function CanvasKeyboard() {
  const [open, setOpen] = useState<'search' | 'shortcuts' | null>(null);
  const search = useCallback(() => setOpen('search'), []);
  const shortcuts = useCallback(() => setOpen('shortcuts'), []);
  const close = useCallback(() => setOpen(null), []);
  useCanvasKeys({ search, shortcuts });
  const { layingOut, selectedCount, layoutSelection } = useLayout();
  return (
    <>
      <Panel position="top-right" className="canvas-help">
        <button
          type="button"
          onClick={layoutSelection}
          disabled={layingOut || selectedCount < 2}
          title={
            selectedCount < 2
              ? 'Select two or more boxes (Ctrl/Cmd-click, or Shift-drag a rectangle) to lay out only them'
              : `Lay out the ${selectedCount} selected boxes, leaving the rest where they are`
          }
        >
          Layout selection
        </button>
        <button type="button" onClick={search} aria-label="Search the design" title="Search (Ctrl+K)">
          Search
        </button>
        <button
          type="button"
          onClick={shortcuts}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </Panel>
      {open === 'search' && <SearchPalette onClose={close} />}
      {open === 'shortcuts' && <ShortcutSheet onClose={close} />}
    </>
  );
}

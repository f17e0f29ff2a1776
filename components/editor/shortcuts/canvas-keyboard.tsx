'use client';

import './canvas-keys.css';
import { Panel } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { SearchPalette } from '../search/search-palette';
import { ShortcutSheet } from './shortcut-sheet';
import { useCanvasKeys } from './use-canvas-keys';

/**
 * The canvas's keyboard layer (inside <ReactFlow>): the keys of `useCanvasKeys`, the search palette, the
 * shortcut sheet, and two buttons that open them for mouse users.
 */
export function CanvasKeyboard() {
  const [open, setOpen] = useState<'search' | 'shortcuts' | null>(null);
  const search = useCallback(() => setOpen('search'), []);
  const shortcuts = useCallback(() => setOpen('shortcuts'), []);
  const close = useCallback(() => setOpen(null), []);
  useCanvasKeys({ search, shortcuts });
  return (
    <>
      <Panel position="top-right" className="canvas-help">
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

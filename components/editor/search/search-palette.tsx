'use client';

import { useReactFlow } from '@xyflow/react';
import { useId, useMemo, useState } from 'react';
import { ModalDialog } from '../shortcuts/modal-dialog';
import { useEditor } from '../store/editor-context';
import { shownDesign } from '../store/editor-state';
import { useEditorActions } from '../store/use-editor-actions';
import { type SearchItem, searchDesign, searchItems } from './search-items';

/**
 * Ctrl+K: a combobox over everything in the design. Enter (or a click) selects the match, so the inspector
 * shows it, and centres the canvas on its box.
 */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const design = useEditor(shownDesign);
  const actions = useEditorActions();
  const flow = useReactFlow();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(() => searchItems(design), [design]);
  const results = useMemo(() => searchDesign(items, query), [items, query]);
  const current = results[Math.min(active, results.length - 1)];
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (item: SearchItem) => {
    const own = item.preferNodeId && flow.getNode(item.preferNodeId) ? item.preferNodeId : undefined;
    const nodeId = own ?? item.nodeId;
    actions.select(own ? { kind: 'element', id: own } : item.selection);
    onClose();
    if (!nodeId) return;
    void flow.fitView({ nodes: [{ id: nodeId }], maxZoom: 1.2, minZoom: 0.5, duration: 250 });
    // Back to the canvas, on the chosen box, so Delete, arrows and Ctrl+C act on it.
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`)
        ?.focus({ preventScroll: true }),
    );
  };

  return (
    <ModalDialog label="Search the design" className="search-palette" onClose={onClose}>
      <input
        autoFocus
        type="text"
        role="combobox"
        aria-label="Search entities, fields, enums and endpoints"
        aria-expanded={results.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(results.indexOf(current)) : undefined}
        placeholder="Search entities, fields, enums, endpoints…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => (results.length === 0 ? 0 : (i + step + results.length) % results.length));
          } else if (event.key === 'Enter' && current) {
            event.preventDefault();
            choose(current);
          }
        }}
      />
      <div id={`${id}-list`} role="listbox" aria-label="Matches" className="search-results">
        {results.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard
          <div
            key={item.key}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={item === current}
            className={item === current ? 'is-active' : undefined}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(item)}
          >
            <span className="search-label">{item.label}</span>
            <span className="search-kind">{item.kind}</span>
            {item.detail && <span className="search-detail">{item.detail}</span>}
          </div>
        ))}
      </div>
      {results.length === 0 && <p className="hint">Nothing matches “{query}”.</p>}
    </ModalDialog>
  );
}

'use client';

import './view-tabs.css';

export type EditorView = 'design' | 'code';

export const VIEW_PANEL_ID: Record<EditorView, string> = {
  design: 'editor-design-panel',
  code: 'editor-code-panel',
};
export const VIEW_TAB_ID: Record<EditorView, string> = {
  design: 'editor-design-tab',
  code: 'editor-code-tab',
};

const LABELS: Record<EditorView, string> = { design: 'Design', code: 'Code' };

/** "Design | Code": the canvas, or the project generated from it. */
export function ViewTabs({ view, onChange }: { view: EditorView; onChange: (view: EditorView) => void }) {
  return (
    <div className="view-tabs" role="tablist" aria-label="View">
      {(['design', 'code'] as const).map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={VIEW_TAB_ID[v]}
          aria-selected={view === v}
          aria-controls={VIEW_PANEL_ID[v]}
          tabIndex={view === v ? 0 : -1}
          onClick={() => onChange(v)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
              event.preventDefault();
              const next = v === 'design' ? 'code' : 'design';
              onChange(next);
              document.getElementById(VIEW_TAB_ID[next])?.focus();
            }
          }}
        >
          {LABELS[v]}
        </button>
      ))}
    </div>
  );
}

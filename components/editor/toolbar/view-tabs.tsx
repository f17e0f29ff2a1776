'use client';

import './view-tabs.css';

export type EditorView = 'design' | 'code' | 'preview';

export const VIEW_PANEL_ID: Record<EditorView, string> = {
  design: 'editor-design-panel',
  code: 'editor-code-panel',
  preview: 'editor-preview-panel',
};
export const VIEW_TAB_ID: Record<EditorView, string> = {
  design: 'editor-design-tab',
  code: 'editor-code-tab',
  preview: 'editor-preview-tab',
};

const LABELS: Record<EditorView, string> = { design: 'Design', code: 'Code', preview: 'Try it' };
const VIEWS = ['design', 'code', 'preview'] as const;

/** "Design | Code | Try it": the canvas, the project generated from it, or that project running. */
export function ViewTabs({
  view,
  onChange,
  views = VIEWS,
}: {
  view: EditorView;
  onChange: (view: EditorView) => void;
  /** The views offered (a read-only editor has no Try it). */
  views?: readonly EditorView[];
}) {
  return (
    <div className="view-tabs" role="tablist" aria-label="View">
      {views.map((v, i) => (
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
              const step = event.key === 'ArrowRight' ? 1 : views.length - 1;
              const next = views[(i + step) % views.length] ?? v;
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

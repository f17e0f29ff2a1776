'use client';

import './import.css';
import { useEditor } from '@/components/editor/store/editor-context';
import { useEditorActions } from '@/components/editor/store/use-editor-actions';

/** An import shown on the canvas (highlighted): Accept applies it as one undoable step, Reject drops it. */
export function ImportProposalBar({ label }: { label: string }) {
  const actions = useEditorActions();
  const added = useEditor((s) => s.proposal?.highlight.length ?? 0);
  return (
    <section className="proposal-overlay" aria-label="Import proposal">
      <span role="status">
        Showing the import ({added} new {added === 1 ? 'item' : 'items'} highlighted): {label}
      </span>
      <span className="proposal-overlay-actions">
        <button type="button" className="primary" onClick={actions.acceptProposal}>
          Accept import
        </button>
        <button type="button" onClick={actions.rejectProposal}>
          Reject import
        </button>
      </span>
    </section>
  );
}

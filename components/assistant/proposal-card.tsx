'use client';

import { useEditor } from '@/components/editor/store/editor-context';
import { useEditorActions } from '@/components/editor/store/use-editor-actions';
import type { Proposal } from '@/lib/agent/proposal';

export type ProposalDecision = 'accepted' | 'rejected';

/** The end of a request that changed the draft: what it changes (design and files), whether it checks, and Accept / Reject. */
export function ProposalCard({
  proposal,
  decision,
  onDecide,
  onShowCode,
}: {
  proposal: Proposal;
  decision: ProposalDecision | undefined;
  onDecide: (decision: ProposalDecision) => void;
  onShowCode: () => void;
}) {
  const actions = useEditorActions();
  const underReview = useEditor((s) => s.proposal?.id === proposal.id);
  const { check } = proposal;
  const decided = decision ?? proposal.decision;
  return (
    <section className="proposal-card" aria-label="Proposal">
      <header>
        <strong>Proposal</strong>
        <span className={`check-badge ${check.ok ? 'is-ok' : 'is-failed'}`}>
          {check.ok
            ? 'Checks pass'
            : `${check.problems || check.diagnostics} ${check.problems ? 'design problem(s)' : 'diagnostic(s)'}`}
        </span>
      </header>
      {!proposal.complete && (
        <p className="proposal-incomplete">Stopped before finishing: review carefully, or ask to continue.</p>
      )}
      {/* Design changes, then one line per user file written ("Writes app/handlers/x.py (new, 40 lines)"). */}
      <ul className="proposal-summary">
        {proposal.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {proposal.warnings.length > 0 && (
        <ul className="proposal-warnings" aria-label="Data-loss warnings">
          {proposal.warnings.map((w) => (
            <li key={`${w.kind}:${w.table}:${w.column ?? ''}`}>{w.message}</li>
          ))}
        </ul>
      )}
      {decided ? (
        <p className="proposal-decision">
          {decided === 'accepted' ? 'Accepted.' : 'Rejected: the design and code were left as they were.'}
        </p>
      ) : underReview ? (
        <div className="proposal-actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              actions.acceptProposal();
              onDecide('accepted');
            }}
          >
            Accept
          </button>
          <button
            type="button"
            onClick={() => {
              actions.rejectProposal();
              onDecide('rejected');
            }}
          >
            Reject
          </button>
          <button type="button" className="link" onClick={onShowCode}>
            Show code changes
          </button>
        </div>
      ) : (
        <p className="proposal-decision muted">No longer under review.</p>
      )}
    </section>
  );
}

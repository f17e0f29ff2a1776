'use client';

import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { FIT_VIEW_OPTIONS } from '../flow/fit-view';
import { nodeIdFor, selectedElementId } from '../model/find-element';
import { useEditorStore } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { problemSelection } from './problem-target';
import { useProblems } from './problems-context';

/** Every validateDesign problem; clicking one selects its element and centers the canvas on it. */
export function ProblemsPanel() {
  const problems = useProblems();
  const store = useEditorStore();
  const actions = useEditorActions();
  const flow = useReactFlow();
  const [open, setOpen] = useState(true);
  return (
    <section className={`problems-panel${open ? '' : ' is-closed'}`} aria-label="Problems">
      <header>
        <button type="button" className="panel-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} Problems
        </button>
        <span className={`count${problems.length > 0 ? ' has-problems' : ''}`}>{problems.length}</span>
      </header>
      {open && (
        <ul>
          {problems.length === 0 && <li className="muted">No problems. The design is ready to generate.</li>}
          {problems.map((problem, i) => (
            <li key={`${problem.path}:${problem.code}:${i}`}>
              <button
                type="button"
                onClick={() => {
                  const selection = problemSelection(problem, store.getState().design);
                  actions.select(selection);
                  const elementId = selectedElementId(selection);
                  const nodeId = elementId && nodeIdFor(store.getState().design, elementId);
                  if (nodeId) flow.fitView({ ...FIT_VIEW_OPTIONS, nodes: [{ id: nodeId }], duration: 250 });
                }}
              >
                <span className="problem-code">{problem.code}</span>
                <span className="problem-message">{problem.message}</span>
                <code className="problem-path">{problem.path}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

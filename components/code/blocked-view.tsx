'use client';

import type { DesignProblem } from './generation-state';

/** Shown instead of code when the design has problems; a click takes the user to the element at fault. */
export function BlockedView({
  problems,
  onShow,
}: {
  problems: readonly DesignProblem[];
  onShow: (problem: DesignProblem) => void;
}) {
  return (
    <section className="code-blocked" aria-label="Generation blocked">
      <h2>Generation is blocked</h2>
      <p className="muted">
        Fix {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} in the design to
        generate the project again.
      </p>
      <ul>
        {problems.map((problem, i) => (
          <li key={`${problem.path}:${problem.code}:${i}`}>
            <button type="button" onClick={() => onShow(problem)}>
              <span className="problem-code">{problem.code}</span>{' '}
              <span className="problem-message">{problem.message}</span>{' '}
              <code className="problem-path">{problem.path}</code>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

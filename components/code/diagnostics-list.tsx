'use client';

import type { Diagnostic } from './generation-state';

export type DiagnosticsListProps = {
  diagnostics: readonly Diagnostic[];
  openPath: string | null;
  onJump: (diagnostic: Diagnostic) => void;
};

/** Every checker finding in the project (`file:line rule message`); the open file's come first. */
export function DiagnosticsList({ diagnostics, openPath, onJump }: DiagnosticsListProps) {
  const ordered = [
    ...diagnostics.filter((d) => d.file === openPath),
    ...diagnostics.filter((d) => d.file !== openPath),
  ];
  return (
    <section className="diagnostics-panel" aria-label="Diagnostics">
      <header>
        Diagnostics{' '}
        <span className={`count${diagnostics.length > 0 ? ' has-problems' : ''}`}>{diagnostics.length}</span>
      </header>
      <ul>
        {diagnostics.length === 0 && (
          <li className="muted">
            ruff, tree-sitter and OpenAPI checks found nothing (mypy and pytest: Run checks).
          </li>
        )}
        {ordered.map((d, i) => (
          <li key={`${d.file}:${d.line}:${d.column}:${d.rule}:${i}`}>
            <button
              type="button"
              className={`diagnostic-row severity-${d.severity}${d.file === openPath ? ' is-open-file' : ''}`}
              onClick={() => onJump(d)}
            >
              <code className="diagnostic-location">
                {d.file}:{d.line}
              </code>{' '}
              <code className="diagnostic-rule">{d.rule}</code>{' '}
              <span className="diagnostic-message">{d.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

'use client';

import { useEffect, useState } from 'react';
import { callApi } from '@/lib/api/client';
import type { Traceback } from '@/lib/runner/preview/tracebacks';
import type { FileTarget } from './preview-view';

/**
 * The last unhandled exception of the running app, shown after Swagger UI received a 5xx: the exception, the
 * frames of the project's own code (library frames folded away) and a link to the innermost one in the Code view,
 * usually the user's handler. Fetched on demand: the app's output never reaches the page any other way.
 */
export function ServerErrors({
  workspaceId,
  failures,
  onShowFile,
}: {
  workspaceId: string;
  /** Counts the 5xx answers seen: each one asks for the tracebacks again. */
  failures: number;
  onShowFile: (target: FileTarget) => void;
}) {
  const [latest, setLatest] = useState<Traceback | null>(null);
  useEffect(() => {
    if (failures === 0) return;
    let cancelled = false;
    // uvicorn logs the traceback just after the 500 went out: ask again a few times until it is there.
    const ask = async (attempt: number) => {
      const result = await callApi<{ tracebacks: Traceback[] }>(
        `/api/workspaces/${workspaceId}/preview/errors`,
      );
      if (cancelled || !result.ok) return;
      const last = result.data.tracebacks.at(-1);
      if (last || attempt >= 8) setLatest(last ?? null);
      else setTimeout(() => void ask(attempt + 1), 250);
    };
    void ask(0);
    return () => {
      cancelled = true;
    };
  }, [workspaceId, failures]);

  if (!latest) return null;
  const own = latest.frames.filter((f) => f.inProject);
  const hidden = latest.frames.length - own.length;
  return (
    <section className="preview-traceback" role="alert" aria-label="Server error">
      <h3>Server error</h3>
      <p className="preview-traceback-exception">
        <code>{latest.exception}</code>
      </p>
      {latest.focus && (
        <button
          type="button"
          className="preview-traceback-open"
          onClick={() =>
            latest.focus && onShowFile({ path: latest.focus.file, line: latest.focus.line, column: 1 })
          }
        >
          Open {latest.focus.file}:{latest.focus.line}
        </button>
      )}
      <ol className="preview-traceback-frames">
        {own.map((frame, index) => (
          <li key={`${frame.file}:${frame.line}:${index}`}>
            <code>
              {frame.file}:{frame.line}
            </code>{' '}
            in <code>{frame.function}</code>
            {frame.code && <pre>{frame.code}</pre>}
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <p className="muted">
          {hidden} frame{hidden === 1 ? '' : 's'} in libraries not shown.
        </p>
      )}
      <button type="button" onClick={() => setLatest(null)}>
        Dismiss
      </button>
    </section>
  );
}

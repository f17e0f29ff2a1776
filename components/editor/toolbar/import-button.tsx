'use client';

import { useRef } from 'react';
import { type LoadIssue, loadDesign } from '@/lib/design';
import { useEditorActions } from '../store/use-editor-actions';

/** Import JSON: a file that does not load changes nothing and reports its first problems. */
export function ImportButton({ onError }: { onError: (issues: LoadIssue[] | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const actions = useEditorActions();
  return (
    <>
      <button
        type="button"
        title="Replace the design with one from a JSON file"
        onClick={() => input.current?.click()}
      >
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label="Import JSON file"
        hidden
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const loaded = loadDesign(await file.text());
          if (!loaded.ok) return onError(loaded.issues);
          onError(null);
          actions.replace('Import JSON', loaded.design);
        }}
      />
    </>
  );
}

export function ImportErrors({ issues, onDismiss }: { issues: LoadIssue[]; onDismiss: () => void }) {
  return (
    <div className="editor-banner banner-error" role="alert">
      <div>
        <strong>That file is not a Fastdraft design; nothing was changed.</strong>
        <ul className="issue-list">
          {issues.slice(0, 5).map((issue, i) => (
            <li key={i}>
              <code>{issue.path || '(document)'}</code> {issue.message}
            </li>
          ))}
          {issues.length > 5 && <li>…and {issues.length - 5} more.</li>}
        </ul>
      </div>
      <div className="banner-actions">
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

'use client';

import { useRef } from 'react';
import { type LoadIssue, loadDesign } from '@/lib/design';
import { readProjectZip } from '@/lib/export/read-zip';
import type { UserCode } from '@/lib/generator/user-code/types';
import { useEditorStore } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';

type Imported = { ok: true; design: string; userCode?: UserCode } | { ok: false; issues: LoadIssue[] };

/** A design JSON file, or an exported project zip (its design.json and user files). */
async function readImport(file: File): Promise<Imported> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // "PK\x03\x04" (or an empty zip's "PK\x05\x06"): a zip, whatever the file is called.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = readProjectZip(bytes);
    return zip.ok ? zip : { ok: false, issues: [{ path: '', message: zip.message }] };
  }
  return { ok: true, design: new TextDecoder().decode(bytes) };
}

/**
 * Import JSON or an exported zip: a file that does not load changes nothing and reports its first problems.
 * A zip restores the design and the user code together.
 */
export function ImportButton({ onError }: { onError: (issues: LoadIssue[] | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const actions = useEditorActions();
  const store = useEditorStore();
  return (
    <>
      <button
        type="button"
        title="Replace the design with one from a JSON file, or design and code from an exported zip"
        onClick={() => input.current?.click()}
      >
        Open
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json,application/zip,.zip"
        aria-label="Import JSON or zip file"
        hidden
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const imported = await readImport(file);
          if (!imported.ok) return onError(imported.issues);
          const loaded = loadDesign(imported.design);
          if (!loaded.ok) return onError(loaded.issues);
          onError(null);
          actions.replace(imported.userCode ? 'Import zip' : 'Import JSON', loaded.design);
          if (imported.userCode) store.dispatch({ type: 'replaceUserCode', userCode: imported.userCode });
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

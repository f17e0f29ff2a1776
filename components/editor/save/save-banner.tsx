'use client';

import { useState } from 'react';
import { callApi } from '@/lib/api/client';
import { type Design, loadDesign } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import { useEditor, useEditorStore } from '../store/editor-context';
import { designFileName, downloadJson } from './download';

/** Explains a failed save and offers the ways out; nothing the user made is dropped silently. */
export function SaveBanner({ workspaceId }: { workspaceId: string }) {
  const store = useEditorStore();
  const error = useEditor((s) => s.save.error);
  const [reloadError, setReloadError] = useState<string | null>(null);
  if (!error) return null;
  const download = () => {
    const { design } = store.getState();
    downloadJson(designFileName(design.name, '-mine'), design);
  };
  const reload = async () => {
    const result = await callApi<{ design: unknown; version: number }>(
      `/api/workspaces/${workspaceId}/design`,
    );
    if (!result.ok) return setReloadError(result.error.message);
    const loaded = loadDesign(result.data.design);
    if (!loaded.ok) return setReloadError('The stored design could not be read.');
    const code = await callApi<{ userCode: UserCode; version: number }>(
      `/api/workspaces/${workspaceId}/code`,
    );
    if (!code.ok) return setReloadError(code.error.message);
    // Saved in between the two reads: the older version makes the next save a conflict, never a silent loss.
    const version = Math.min(result.data.version, code.data.version);
    setReloadError(null);
    store.dispatch({
      type: 'reloaded',
      design: loaded.design as Design,
      version,
      userCode: code.data.userCode,
    });
  };
  if (error.kind === 'conflict') {
    return (
      <div className="editor-banner banner-conflict" role="alert">
        <div>
          <strong>This workspace changed elsewhere.</strong> Your changes here are not saved and autosave is
          paused. Reload to get the latest version (download yours first to keep it), or overwrite it with
          yours.
          {reloadError && <span className="field-error"> {reloadError}</span>}
        </div>
        <div className="banner-actions">
          <button type="button" onClick={download}>
            Download my version
          </button>
          <button type="button" className="primary" onClick={reload}>
            Reload
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => store.dispatch({ type: 'overwriteAfterConflict' })}
          >
            Overwrite with mine
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="editor-banner banner-error" role="alert">
      <div>
        <strong>{error.kind === 'invalid' ? 'The design could not be saved.' : 'Saving failed.'}</strong>{' '}
        {error.message}
        {error.issues && error.issues.length > 0 && (
          <ul className="issue-list">
            {error.issues.slice(0, 5).map((issue, i) => (
              <li key={i}>
                <code>{issue.path || '(document)'}</code> {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="banner-actions">
        <button type="button" onClick={download}>
          Download my version
        </button>
        <button type="button" className="primary" onClick={() => store.dispatch({ type: 'retrySave' })}>
          Retry
        </button>
      </div>
    </div>
  );
}

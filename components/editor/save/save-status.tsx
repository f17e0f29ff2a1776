'use client';

import { useEditor } from '../store/editor-context';
import { type SaveStatus, saveStatusOf } from '../store/editor-state';

const TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  dirty: 'Unsaved changes',
  error: 'Error',
};

export function SaveStatusIndicator() {
  const status = useEditor(saveStatusOf);
  return (
    <div role="status" aria-live="polite" aria-label="Save status" className={`save-status save-${status}`}>
      <span className="save-dot" aria-hidden="true" />
      {TEXT[status]}
    </div>
  );
}

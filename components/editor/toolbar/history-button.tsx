'use client';

import { useRef, useState } from 'react';
import { HistoryPanel } from '@/components/history/history-panel';

/** "History" (owner and collaborators): commit, compare and restore versions of the design. */
export function HistoryButton({ workspaceId }: { workspaceId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        History
      </button>
      <dialog
        ref={dialog}
        className="history-dialog"
        aria-labelledby="history-title"
        onClose={() => setOpen(false)}
      >
        {open && <HistoryPanel workspaceId={workspaceId} onClose={() => dialog.current?.close()} />}
      </dialog>
    </>
  );
}

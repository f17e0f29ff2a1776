'use client';

import { useRef, useState } from 'react';
import { SharePanel } from '@/components/share/share-panel';

/** "Share" (owner only): opens the dialog that manages share links and collaborators. */
export function ShareButton({ workspaceId }: { workspaceId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  // A token exists only in the answer that created its link: remember the URLs while this editor is open.
  const [urls, setUrls] = useState<Record<string, string>>({});
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Share
      </button>
      <dialog
        ref={dialog}
        className="share-dialog"
        aria-labelledby="share-title"
        onClose={() => setOpen(false)}
      >
        {open && (
          <SharePanel
            workspaceId={workspaceId}
            onClose={() => dialog.current?.close()}
            urls={urls}
            onCreated={(id, url) => setUrls((u) => ({ ...u, [id]: url }))}
          />
        )}
      </dialog>
    </>
  );
}

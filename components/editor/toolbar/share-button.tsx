'use client';

import { useState } from 'react';
import { SharePanel } from '@/components/share/share-panel';
import { DialogButton } from '@/components/ui/dialog-button';

/** "Share" (owner only): opens the dialog that manages share links and collaborators. */
export function ShareButton({ workspaceId }: { workspaceId: string }) {
  // A token exists only in the answer that created its link: remember the URLs while this editor is open.
  const [urls, setUrls] = useState<Record<string, string>>({});
  return (
    <DialogButton label="Share" className="share-dialog" labelledBy="share-title">
      {(close) => (
        <SharePanel
          workspaceId={workspaceId}
          onClose={close}
          urls={urls}
          onCreated={(id, url) => setUrls((u) => ({ ...u, [id]: url }))}
        />
      )}
    </DialogButton>
  );
}

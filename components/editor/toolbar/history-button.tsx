'use client';

import { HistoryPanel } from '@/components/history/history-panel';
import { DialogButton } from '@/components/ui/dialog-button';

/** "History" (owner and collaborators): commit, compare and restore versions of the design. */
export function HistoryButton({ workspaceId }: { workspaceId: string }) {
  return (
    <DialogButton label="History" className="history-dialog" labelledBy="history-title">
      {(close) => <HistoryPanel workspaceId={workspaceId} onClose={close} />}
    </DialogButton>
  );
}

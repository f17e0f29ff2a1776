'use client';

import { useEffect } from 'react';
import { useEditorActions } from '@/components/editor/store/use-editor-actions';
import type { Operation } from '@/lib/design';
import { IMPORT_PROPOSAL_PREFIX } from './import-types';

/**
 * The hand-over from the dashboard's import to the new workspace's editor: the planned operations wait in this
 * tab's sessionStorage under the workspace id until the editor opens and shows them as a proposal. They were
 * planned against the blank design the workspace was created with, so they apply to it as they are.
 */
type Pending = { label: string; operations: Operation[]; highlight: string[] };

const key = (workspaceId: string) => `fastdraft:import:${workspaceId}`;

export function keepPendingImport(workspaceId: string, pending: Pending): void {
  sessionStorage.setItem(key(workspaceId), JSON.stringify(pending));
}

function takePendingImport(workspaceId: string): Pending | null {
  const text = sessionStorage.getItem(key(workspaceId));
  if (text === null) return null;
  sessionStorage.removeItem(key(workspaceId));
  try {
    const value = JSON.parse(text) as Pending;
    return Array.isArray(value.operations) && Array.isArray(value.highlight) ? value : null;
  } catch {
    return null;
  }
}

/** Shows an import waiting for this workspace as a proposal (once: it is taken from storage). */
export function usePendingImport(workspaceId: string | undefined): void {
  const actions = useEditorActions();
  useEffect(() => {
    if (!workspaceId) return;
    const pending = takePendingImport(workspaceId);
    // The store checks the operations against the design (a proposal that does not fit says so).
    if (pending)
      actions.propose(
        `${IMPORT_PROPOSAL_PREFIX}${workspaceId}`,
        pending.label,
        pending.operations,
        pending.highlight,
      );
  }, [workspaceId, actions]);
}

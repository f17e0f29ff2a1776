'use client';

import { createContext, useContext } from 'react';

/**
 * How this editor was opened: by a member of the workspace (its owner or a collaborator), or through a view
 * link (`share`: read only, reads through `/api/share/{token}`). The server enforces the same rules.
 */
export type EditorMode = { kind: 'member'; role: 'owner' | 'editor' } | { kind: 'share'; token: string };

export const EditorModeContext = createContext<EditorMode>({ kind: 'member', role: 'owner' });

export function useEditorMode() {
  const mode = useContext(EditorModeContext);
  return {
    mode,
    readOnly: mode.kind === 'share',
    isOwner: mode.kind === 'member' && mode.role === 'owner',
    /** Where the Code view generates: the workspace API for members, the share link's endpoint otherwise. */
    generateUrl: (workspaceId: string) =>
      mode.kind === 'share' ? `/api/share/${mode.token}/generate` : `/api/workspaces/${workspaceId}/generate`,
  };
}

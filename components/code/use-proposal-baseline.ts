'use client';

import { useEffect, useState } from 'react';
import { useEditor } from '@/components/editor/store/editor-context';
import { useEditorMode } from '@/components/editor/store/editor-mode';
import { callApi } from '@/lib/api/client';
import type { GeneratedFiles } from './file-changes';
import type { GenerateResponse } from './generation-state';

/**
 * While an assistant proposal is under review the Code view generates the proposal; this is the code of the
 * design and user code it would change (generated once per proposal), so the view can show exactly what the
 * proposal changes, in generated and user files alike.
 */
export function useProposalBaseline(workspaceId: string, active: boolean): GeneratedFiles | null {
  const proposal = useEditor((s) => s.proposal);
  const url = useEditorMode().generateUrl(workspaceId);
  const [baseline, setBaseline] = useState<{ id: string; files: GeneratedFiles } | null>(null);
  const proposalId = proposal?.id ?? null;
  const base = proposal?.base ?? null;
  const baseUserCode = proposal?.baseUserCode ?? null;

  useEffect(() => {
    if (!active || !proposalId || !base || baseline?.id === proposalId) return;
    let cancelled = false;
    // The user code the proposal started from too, so its file changes show beside the generated ones.
    const body = { design: base, ...(baseUserCode ? { userCode: baseUserCode } : {}) };
    void callApi<GenerateResponse>(url, { method: 'POST', body }).then((result) => {
      if (!cancelled && result.ok && result.data.ok)
        setBaseline({ id: proposalId, files: result.data.files });
    });
    return () => {
      cancelled = true;
    };
  }, [active, proposalId, base, baseUserCode, baseline?.id, url]);

  return proposalId && baseline?.id === proposalId ? baseline.files : null;
}

'use client';

import { useCallback, useRef, useState } from 'react';
import { useEditorStore } from '@/components/editor/store/editor-context';
import { shownDesign } from '@/components/editor/store/editor-state';
import { callApi } from '@/lib/api/client';
import type { ChecksResponse, ChecksState } from './project-checks';

/** "Run checks": posts the in-memory design and user code; the newest run's answer is the one kept. */
export function useProjectChecks(workspaceId: string) {
  const store = useEditorStore();
  const [state, setState] = useState<ChecksState>({ phase: 'idle' });
  const latest = useRef(0);
  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setState({ phase: 'running' });
    const s = store.getState();
    const result = await callApi<ChecksResponse>(`/api/workspaces/${workspaceId}/checks`, {
      method: 'POST',
      body: { design: shownDesign(s), userCode: s.userCode },
    });
    if (ticket !== latest.current) return;
    setState(
      result.ok
        ? { phase: 'done', response: result.data }
        : { phase: 'failed', message: result.error.message },
    );
  }, [store, workspaceId]);
  return { state, run };
}

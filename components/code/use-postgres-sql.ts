'use client';

import { useEffect, useRef, useState } from 'react';
import { useEditor } from '@/components/editor/store/editor-context';
import { callApi } from '@/lib/api/client';
import type { Design } from '@/lib/design';
import { SQL_MIGRATIONS, SQL_SCHEMA, type SqlFiles, type SqlState } from './postgres-sql';
import { REGENERATE_DELAY_MS } from './use-generation';

/**
 * Plain SQL for PostgreSQL of the editor's in-memory design, made by the server only while `wanted` (a SQL
 * file is open): at once the first time, then debounced as the design changes. Only the newest answer is applied.
 */
export function usePostgresSql(workspaceId: string, wanted: boolean): SqlState {
  const design = useEditor((s) => s.design);
  const [state, setState] = useState<SqlState>({ phase: 'idle' });
  const latest = useRef(0);
  const made = useRef<Design | null>(null);
  const last = useRef<SqlFiles | null>(null);

  useEffect(() => {
    if (!wanted || design === made.current) return;
    const timer = setTimeout(
      async () => {
        made.current = design;
        const request = ++latest.current;
        setState({ phase: 'loading', previous: last.current });
        const result = await callApi<{ migrations: string; schema: string }>(
          `/api/workspaces/${workspaceId}/sql`,
          { method: 'POST', body: { design } },
        );
        if (request !== latest.current) return;
        if (result.ok) {
          last.current = { [SQL_MIGRATIONS]: result.data.migrations, [SQL_SCHEMA]: result.data.schema };
          setState({ phase: 'ready', files: last.current });
        } else {
          // Opening the file again (or the next change) tries again.
          made.current = null;
          const issue = result.error.issues?.[0];
          const message = issue
            ? `${result.error.message} (${issue.path}: ${issue.message})`
            : result.error.message;
          setState({ phase: 'failed', message, status: result.error.status });
        }
      },
      last.current === null ? 0 : REGENERATE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [design, wanted, workspaceId]);

  return state;
}

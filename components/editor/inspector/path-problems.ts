'use client';

import { useMemo } from 'react';
import type { Problem } from '@/lib/design';
import { useProblems } from '../problems/problems-context';

/** Whether `path` is `prefix` or lies under it (`prefix.x`, `prefix[0]`). */
export function underPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/**
 * Problems at or under a design path, whatever element they name: a block's problems may point at the block's
 * own id (a computed field, an action) or at its entity, and its section shows them either way.
 */
export function useProblemsAt(prefix: string): Problem[] {
  const problems = useProblems();
  return useMemo(() => problems.filter((p) => underPath(p.path, prefix)), [problems, prefix]);
}

/** The problems of `all` at exactly `path` or under it, for one control. */
export const problemsAt = (all: readonly Problem[], path: string) =>
  all.filter((p) => underPath(p.path, path));

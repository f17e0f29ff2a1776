'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Problem, validateDesign } from '@/lib/design';
import { useEditor } from '../store/editor-context';

const ProblemsContext = createContext<readonly Problem[]>([]);

/** Validates the design once per change and shares the problems with the canvas, inspector and panel. */
export function ProblemsProvider({ children }: { children: ReactNode }) {
  const design = useEditor((s) => s.design);
  const problems = useMemo(() => validateDesign(design), [design]);
  return <ProblemsContext.Provider value={problems}>{children}</ProblemsContext.Provider>;
}

export function useProblems(): readonly Problem[] {
  return useContext(ProblemsContext);
}

/** Problems about one element (entity, field, relation, enum). */
export function useElementProblems(elementId: string | null): Problem[] {
  const problems = useProblems();
  return useMemo(
    () => (elementId === null ? [] : problems.filter((p) => p.elementId === elementId)),
    [problems, elementId],
  );
}

'use client';

import { useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { Operation } from '@/lib/design';
import { useEditorStore } from '../store/editor-context';
import { useEditorActions } from '../store/use-editor-actions';
import { autoLayoutOperations, layoutSelectionOperations } from './auto-layout';
import { designToFlow } from './design-to-flow';
import { FIT_VIEW_OPTIONS } from './fit-view';
import type { Flow, FlowNode } from './flow-types';

/** Ids of the boxes selected on the canvas, joined (a string, so the subscription re-renders only on change). */
const selectedBoxes = (s: { nodes: readonly { id: string; selected?: boolean }[] }) =>
  s.nodes
    .filter((n) => n.selected)
    .map((n) => n.id)
    .join('\n');

/**
 * Auto layout of the whole design and of the selected boxes only, each one undoable step. Must be used inside
 * the canvas's ReactFlowProvider: sizes come from the DOM where boxes are measured (others are estimated).
 */
export function useLayout() {
  const store = useEditorStore();
  const actions = useEditorActions();
  const flow = useReactFlow();
  const [layingOut, setLayingOut] = useState(false);
  const picked = useStore(selectedBoxes);
  const selectedIds = picked ? picked.split('\n') : [];

  const run = useCallback(
    async (label: string, layout: (flow: Flow) => Promise<Operation[]>, ids?: string[]) => {
      setLayingOut(true);
      try {
        const projected = designToFlow(store.getState().design);
        const nodes = projected.nodes.map((node): FlowNode => {
          const measured = flow.getInternalNode(node.id)?.measured;
          return measured?.width && measured.height ? ({ ...node, measured } as FlowNode) : node;
        });
        const operations = await layout({ ...projected, nodes });
        if (operations.length > 0) actions.apply(label, operations);
        const fit = ids?.map((id) => ({ id }));
        requestAnimationFrame(() => flow.fitView({ ...FIT_VIEW_OPTIONS, nodes: fit, duration: 200 }));
      } finally {
        setLayingOut(false);
      }
    },
    [store, actions, flow],
  );

  const autoLayout = () => run('Auto layout', (f) => autoLayoutOperations(store.getState().design, f));
  const layoutSelection = () =>
    run(
      'Layout selection',
      (f) => layoutSelectionOperations(store.getState().design, f, new Set(selectedIds)),
      selectedIds,
    );
  return { layingOut, selectedCount: selectedIds.length, autoLayout, layoutSelection };
}

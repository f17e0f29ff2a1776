'use client';

import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  type InternalNode,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useEditorActions } from '../store/use-editor-actions';
import { boxOf, relationPath } from './edge-geometry';
import type { RelationFlowEdge } from './flow-types';

type Ends = readonly [InternalNode | undefined, InternalNode | undefined];
const sameEnds = (a: Ends, b: Ends) => a[0] === b[0] && a[1] === b[1];

/**
 * A relation zoomed in: its path and its label (a button that selects it). Far zoomed out (COMPACT_ZOOM) the
 * canvas gives React Flow no edges and FarRelations draws every relation instead.
 */
function RelationEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<RelationFlowEdge>) {
  const actions = useEditorActions();
  // Both ends in one subscription (it runs on every pan and drag step, for every relation); the edge re-renders
  // only when one of its boxes moves or changes.
  const [sourceNode, targetNode] = useStore(
    useCallback(
      (s: ReactFlowState): Ends => [s.nodeLookup.get(source), s.nodeLookup.get(target)],
      [source, target],
    ),
    sameEnds,
  );
  if (!sourceNode || !targetNode) return null;
  const [path, labelX, labelY] = relationPath(boxOf(sourceNode), boxOf(targetNode), source === target);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`${selected ? 'is-selected' : ''}${data?.proposed ? ' is-proposed' : ''}` || undefined}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`edge-label nodrag nopan${selected ? ' is-selected' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          onClick={() => actions.select({ kind: 'element', id })}
          aria-label={`Select relation ${data?.fieldName ?? ''} (${data?.cardinality ?? ''})`}
        >
          <span className="edge-cardinality">{data?.cardinality}</span>
          <span className="edge-name">{data?.fieldName}</span>
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const RelationEdge = memo(RelationEdgeView);

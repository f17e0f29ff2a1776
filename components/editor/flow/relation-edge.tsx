'use client';

import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  type InternalNode,
  type ReactFlowState,
  useStore,
} from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useEditorActions } from '../store/use-editor-actions';
import { type Box, facingAnchors, selfLoop } from './edge-geometry';
import type { RelationFlowEdge } from './flow-types';
import { useFarZoom } from './zoom-detail';

function boxOf(node: InternalNode): Box {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

type Ends = readonly [InternalNode | undefined, InternalNode | undefined];
const sameEnds = (a: Ends, b: Ends) => a[0] === b[0] && a[1] === b[1];

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
  // Far zoomed out a label would be a few pixels wide: not drawn at all (see COMPACT_ZOOM).
  const far = useFarZoom();
  if (!sourceNode || !targetNode) return null;
  let path: string;
  let labelX: number;
  let labelY: number;
  if (source === target) {
    [path, labelX, labelY] = selfLoop(boxOf(sourceNode));
  } else {
    const [from, to] = facingAnchors(boxOf(sourceNode), boxOf(targetNode));
    [path, labelX, labelY] = getBezierPath({
      sourceX: from.x,
      sourceY: from.y,
      sourcePosition: from.position,
      targetX: to.x,
      targetY: to.y,
      targetPosition: to.position,
    });
  }
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`${selected ? 'is-selected' : ''}${data?.proposed ? ' is-proposed' : ''}` || undefined}
      />
      {!far && (
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
      )}
    </>
  );
}

export const RelationEdge = memo(RelationEdgeView);

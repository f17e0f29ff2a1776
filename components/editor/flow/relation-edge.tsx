'use client';

import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  type InternalNode,
  useInternalNode,
} from '@xyflow/react';
import { memo } from 'react';
import { useEditorActions } from '../store/use-editor-actions';
import { type Box, facingAnchors, selfLoop } from './edge-geometry';
import type { RelationFlowEdge } from './flow-types';

function boxOf(node: InternalNode): Box {
  return {
    ...node.internals.positionAbsolute,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

function RelationEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<RelationFlowEdge>) {
  const actions = useEditorActions();
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
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

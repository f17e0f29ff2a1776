'use client';

import { type InternalNode, type ReactFlowState, useStore } from '@xyflow/react';
import { memo, useCallback, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { boxOf, distanceToPath, relationPath } from './edge-geometry';
import type { RelationFlowEdge } from './flow-types';

/** Relations per group: a moved box re-renders the groups holding its relations, not every relation. */
const GROUP = 64;
/**
 * How far from a relation a click still hits it, in flow units: half React Flow's edge interaction width, and
 * at least a screen pixel (a click's position is whole pixels; far out a pixel is up to 20 flow units).
 */
export const hitDistance = (zoom: number) => Math.max(10, 1 / zoom);

type Drawn = {
  edge: RelationFlowEdge;
  source: InternalNode | undefined;
  target: InternalNode | undefined;
  /** Null while an end is not in React Flow's store yet. */
  path: string | null;
};
type Group = { relations: Drawn[] };
export type Layer = { groups: Group[] };
export const NO_LAYER: Layer = { groups: [] };

function drawn(
  edge: RelationFlowEdge,
  source: InternalNode | undefined,
  target: InternalNode | undefined,
): Drawn {
  const path =
    source && target ? relationPath(boxOf(source), boxOf(target), edge.source === edge.target)[0] : null;
  return { edge, source, target, path };
}

/**
 * The layer for `edges` over React Flow's nodes: `previous` itself when nothing changed, and each group (and
 * each relation's path) of `previous` kept when its relations and their boxes are the same objects.
 */
export function nextLayer(
  previous: Layer,
  edges: readonly RelationFlowEdge[],
  nodeLookup: ReactFlowState['nodeLookup'],
): Layer {
  let changed = Math.ceil(edges.length / GROUP) !== previous.groups.length;
  const groups: Group[] = [];
  for (let g = 0; g * GROUP < edges.length; g++) {
    const old = previous.groups[g];
    const end = Math.min(edges.length, (g + 1) * GROUP);
    let relations: Drawn[] | null = null;
    for (let i = g * GROUP; i < end; i++) {
      const edge = edges[i]!;
      const source = nodeLookup.get(edge.source);
      const target = nodeLookup.get(edge.target);
      const was = old?.relations[i - g * GROUP];
      const kept =
        was?.edge === edge &&
        was.source === source &&
        was.target === target &&
        old?.relations.length === end - g * GROUP
          ? was
          : null;
      if (kept && relations === null) continue;
      relations ??= old ? old.relations.slice(0, i - g * GROUP) : [];
      relations.push(kept ?? drawn(edge, source, target));
    }
    if (relations === null && old) groups.push(old);
    else {
      groups.push({ relations: relations ?? [] });
      changed = true;
    }
  }
  return changed ? { groups } : previous;
}

const selectDomNode = (s: ReactFlowState) => s.domNode;

/**
 * Every relation far zoomed out (below COMPACT_ZOOM), where the canvas gives React Flow no edges: one store
 * subscription for all of them instead of four per relation (React Flow's EdgeWrapper and the relation edge),
 * each of which ran on every pan and drag step. Same paths and classes as the relation edges, drawn beneath the
 * boxes in React Flow's viewport; a relation is redrawn only when one of its boxes moves or changes, so a drag
 * redraws the relations of the dragged box. Not hit-tested (a click at the canvas is matched to a relation by
 * `relationAt`): far out a relation is a fraction of a pixel wide and has no label.
 */
export function FarRelations({ edges }: { edges: readonly RelationFlowEdge[] }) {
  const cache = useRef<Layer>(NO_LAYER);
  // React Flow replaces a node's internal object whenever it moves or is measured: same objects, same paths.
  const selectLayer = useCallback(
    (s: ReactFlowState): Layer => {
      cache.current = nextLayer(cache.current, edges, s.nodeLookup);
      return cache.current;
    },
    [edges],
  );
  const layer = useStore(selectLayer);
  // Drawn into React Flow's viewport (panned and zoomed with it); looked up once, not in a store selector.
  const domNode = useStore(selectDomNode);
  const portal = useMemo(
    () => domNode?.querySelector<HTMLElement>('.react-flow__viewport-portal') ?? null,
    [domNode],
  );
  if (!portal) return null;
  return createPortal(
    <svg className="far-relations" aria-hidden>
      {layer.groups.map((group, i) => (
        // Groups are positions in the relations' order: the index is the identity.
        <RelationGroup key={i} group={group} />
      ))}
    </svg>,
    portal,
  );
}

const RelationGroup = memo(function RelationGroup({ group }: { group: Group }) {
  return group.relations.map(({ edge, path }) =>
    path === null ? null : (
      <path
        key={edge.id}
        data-id={edge.id}
        d={path}
        className={`react-flow__edge-path far-relation${edge.selected ? ' is-selected' : ''}${edge.data?.proposed ? ' is-proposed' : ''}`}
      />
    ),
  );
});

/** The relation within `within` flow units of a click at (x, y) in flow coordinates, the nearest; null for none. */
export function relationAt(
  edges: readonly RelationFlowEdge[],
  nodeLookup: ReactFlowState['nodeLookup'],
  x: number,
  y: number,
  within: number,
): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const edge of edges) {
    const source = nodeLookup.get(edge.source);
    const target = nodeLookup.get(edge.target);
    if (!source || !target) continue;
    const [path] = relationPath(boxOf(source), boxOf(target), edge.source === edge.target);
    const distance = distanceToPath(path, x, y, within);
    if (distance <= within && (!best || distance < best.distance)) best = { id: edge.id, distance };
  }
  return best?.id ?? null;
}

'use client';

import { type InternalNode, Panel, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useId, useRef } from 'react';
import { boundsOf, boxesPath, minimapView, type Rect } from './minimap-geometry';

/** Boxes per path: a moved box redraws its group's path only, not one path of every box. */
const GROUP = 64;
type Group = { nodes: InternalNode[]; path: string; bounds: Rect | null };
type Boxes = { groups: Group[]; bounds: Rect | null };
const NO_BOXES: Boxes = { groups: [], bounds: null };

function groupOf(nodes: InternalNode[]): Group {
  const rects = nodes
    .filter((node) => !node.hidden)
    .map((node) => ({
      ...node.internals.positionAbsolute,
      width: node.measured.width ?? node.width ?? node.initialWidth ?? 0,
      height: node.measured.height ?? node.height ?? node.initialHeight ?? 0,
    }));
  return { nodes, path: boxesPath(rects, 5), bounds: boundsOf(rects) };
}

const sameNodes = (a: readonly InternalNode[], b: readonly InternalNode[]) =>
  a.length === b.length && a.every((node, i) => node === b[i]);

type View = { viewport: Rect; width: number; height: number };
const sameView = (a: View, b: View) =>
  a.width === b.width &&
  a.height === b.height &&
  a.viewport.x === b.viewport.x &&
  a.viewport.y === b.viewport.y &&
  a.viewport.width === b.viewport.width &&
  a.viewport.height === b.viewport.height;

/** The part of the design the canvas shows, in flow coordinates. */
const selectView = (s: ReactFlowState): View => {
  const [tx, ty, zoom] = s.transform;
  return {
    viewport: { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom },
    width: s.width,
    height: s.height,
  };
};

/**
 * The canvas's minimap: React Flow's MiniMap (same classes, colours, viewport mask, drag to pan, wheel to zoom)
 * but the boxes are a few paths (groups of GROUP) from one store subscription, a group redrawn only when one of
 * its boxes changes, instead of one component and subscription per box that all run on every pan and drag step.
 */
export function Minimap({ width, height, label }: { width: number; height: number; label: string }) {
  const store = useStoreApi();
  const cache = useRef<Boxes>(NO_BOXES);
  // React Flow replaces a node's internal object whenever it moves or is measured: same objects, same path.
  const selectBoxes = useCallback((s: ReactFlowState): Boxes => {
    const previous = cache.current;
    const nodes = [...s.nodeLookup.values()];
    let changed = Math.ceil(nodes.length / GROUP) !== previous.groups.length;
    const groups: Group[] = [];
    for (let i = 0; i * GROUP < nodes.length; i++) {
      const part = nodes.slice(i * GROUP, (i + 1) * GROUP);
      const old = previous.groups[i];
      if (old && sameNodes(old.nodes, part)) groups.push(old);
      else {
        groups.push(groupOf(part));
        changed = true;
      }
    }
    if (!changed) return previous;
    const bounds = boundsOf(groups.flatMap((group) => (group.bounds ? [group.bounds] : [])));
    cache.current = { groups, bounds };
    return cache.current;
  }, []);
  const boxes = useStore(selectBoxes);
  const { viewport } = useStore(selectView, sameView);
  const view = minimapView(boxes.bounds, viewport, width, height);
  const scale = useRef(view.scale);
  scale.current = view.scale;

  const svg = useRef<SVGSVGElement>(null);
  const grab = useRef<{ x: number; y: number } | null>(null);
  // Dragging moves the view by what the pointer moved on the minimap, like React Flow's (d3 zoom) handler.
  const onPointerDown = (event: React.PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    grab.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const from = grab.current;
    const { panZoom, transform, width: paneWidth, height: paneHeight, translateExtent } = store.getState();
    if (!from || !panZoom) return;
    grab.current = { x: event.clientX, y: event.clientY };
    const move = scale.current * Math.max(transform[2], Math.log(transform[2]));
    void panZoom.setViewportConstrained(
      {
        x: transform[0] - (event.clientX - from.x) * move,
        y: transform[1] - (event.clientY - from.y) * move,
        zoom: transform[2],
      },
      [
        [0, 0],
        [paneWidth, paneHeight],
      ],
      translateExtent,
    );
  };
  const onPointerUp = (event: React.PointerEvent<SVGSVGElement>) => {
    grab.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  // The wheel zooms the canvas (a native listener: React's wheel listeners are passive and cannot stop the page).
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      event.stopPropagation();
      const { panZoom, transform } = store.getState();
      const step = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
      void panZoom?.scaleTo(transform[2] * 2 ** (-event.deltaY * step));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [store]);

  const labelId = useId();
  const offset = 5 * view.scale;
  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap"
      style={{ width, height }}
      data-testid="rf__minimap"
    >
      <svg
        ref={svg}
        width={width}
        height={height}
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={labelId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <title id={labelId}>{label}</title>
        {boxes.groups.map((group, i) => (
          // Groups are positions in React Flow's node order: the index is the identity.
          <path key={i} className="react-flow__minimap-node" d={group.path} shapeRendering="crispEdges" />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${view.x - offset},${view.y - offset}h${view.width + offset * 2}v${view.height + offset * 2}h${-view.width - offset * 2}z M${viewport.x},${viewport.y}h${viewport.width}v${viewport.height}h${-viewport.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}

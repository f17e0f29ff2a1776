'use client';

import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  type NodeChange,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTheme } from '@/components/ui/theme';
import type { Operation } from '@/lib/design';
import { newId } from '../model/ids';
import { useProblems } from '../problems/problems-context';
import { CanvasKeyboard } from '../shortcuts/canvas-keyboard';
import { GRID_STEP } from '../shortcuts/use-canvas-keys';
import { selectionAfterChanges } from '../store/box-selection';
import { useEditor } from '../store/editor-context';
import { useEditorMode } from '../store/editor-mode';
import { shownDesign } from '../store/editor-state';
import { useEditorActions } from '../store/use-editor-actions';
import { designToFlow } from './design-to-flow';
import { EndpointsNode } from './endpoints-node';
import { EntityNode } from './entity-node';
import { EnumNode } from './enum-node';
import { FarRelations, hitDistance, relationAt } from './far-relations';
import { estimatedFitView, FIT_VIEW_OPTIONS, MIN_ZOOM, MINIMAP } from './fit-view';
import type { Flow, FlowNode, RelationFlowEdge } from './flow-types';
import { reuseUnchanged, withSelection } from './flow-view';
import { Minimap } from './minimap';
import { RelationEdge } from './relation-edge';
import { COMPACT_ZOOM, FarZoomContext, selectFar } from './zoom-detail';

const nodeTypes = { entity: EntityNode, enum: EnumNode, endpoints: EndpointsNode };
const edgeTypes = { relation: RelationEdge };
type Size = { width: number; height: number };
type XY = { x: number; y: number };
type Viewport = XY & { zoom: number };
/** Ctrl/Cmd+click adds a box to the selection (Shift-drag draws a selection rectangle). */
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
/** React Flow's edges far zoomed out, where FarRelations draws the relations. */
const NO_EDGES: RelationFlowEdge[] = [];

/**
 * The canvas: a projection of the design plus two bits of view state the DOM owns (measured sizes, the
 * position of a box while it is being dragged). Gestures become operations; nothing else is written back.
 */
export function Canvas() {
  const design = useEditor(shownDesign);
  const highlight = useEditor((s) => s.proposal?.highlight);
  const reviewing = useEditor((s) => s.proposal !== null);
  const proposalId = useEditor((s) => s.proposal?.id);
  const flow = useReactFlow();
  // A proposal may add boxes outside the view: show the whole design once its boxes are on screen.
  useEffect(() => {
    if (!proposalId) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 250 }));
    });
    return () => cancelAnimationFrame(frame);
  }, [proposalId, flow]);
  const selection = useEditor((s) => s.selection);
  const problems = useProblems();
  const actions = useEditorActions();
  const { readOnly } = useEditorMode();
  const [sizes, setSizes] = useState<Record<string, Size>>({});
  const [dragging, setDragging] = useState<Record<string, XY>>({});
  const previous = useRef<Flow>({ nodes: [], edges: [] });

  const projected = useMemo(
    () => designToFlow(design, problems, new Set(highlight)),
    [design, problems, highlight],
  );
  // Unchanged nodes keep their object identity, so React Flow and the memoized nodes skip them.
  const stable = useMemo(() => {
    const selected = withSelection(projected, selection);
    const nodes = selected.nodes.map((node): FlowNode => {
      const measured = sizes[node.id];
      return measured ? ({ ...node, measured } as FlowNode) : node;
    });
    const next = {
      nodes: reuseUnchanged(previous.current.nodes, nodes),
      edges: reuseUnchanged(previous.current.edges, selected.edges),
    };
    previous.current = next;
    return next;
  }, [projected, selection, sizes]);
  // While dragging only the dragged boxes get new objects: cheap per frame even with hundreds of boxes.
  const nodes = useMemo(
    () =>
      Object.keys(dragging).length === 0
        ? stable.nodes
        : stable.nodes.map((node) => {
            const position = dragging[node.id];
            return position ? { ...node, position } : node;
          }),
    [stable, dragging],
  );

  const shownNodes = useRef(nodes);
  shownNodes.current = nodes;
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const measuredNow: Record<string, Size> = {};
      const moving: Record<string, XY> = {};
      const moves: Operation[] = [];
      const selects: { id: string; selected: boolean }[] = [];
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) measuredNow[change.id] = change.dimensions;
        else if (change.type === 'position' && change.position) {
          if (change.dragging) moving[change.id] = change.position;
          else
            moves.push({
              op: 'moveNode',
              id: change.id,
              x: Math.round(change.position.x),
              y: Math.round(change.position.y),
            });
        } else if (change.type === 'select') selects.push(change);
      }
      const selected = shownNodes.current.filter((n) => n.selected).map((n) => n.id);
      const nextSelection = selectionAfterChanges(selected, selects);
      if (nextSelection !== undefined) actions.select(nextSelection);
      if (Object.keys(measuredNow).length > 0) setSizes((s) => ({ ...s, ...measuredNow }));
      if (Object.keys(moving).length > 0) setDragging((d) => ({ ...d, ...moving }));
      if (moves.length > 0) {
        const key = moves.length === 1 && moves[0]?.op === 'moveNode' ? `move:${moves[0].id}` : undefined;
        actions.apply(moves.length === 1 ? 'Move' : 'Move nodes', moves, { coalesceKey: key });
        setDragging({});
      }
    },
    [actions],
  );

  const flowStore = useStoreApi<FlowNode>();
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      // A selection rectangle also selects the boxes' edges: the boxes stay the selection.
      if (flowStore.getState().userSelectionRect) return;
      for (const change of changes) {
        if (change.type === 'select' && change.selected) actions.select({ kind: 'element', id: change.id });
      }
    },
    [actions, flowStore],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const id = newId('rel');
      actions.apply(
        'Connect',
        { op: 'connect', id, fromEntityId: connection.source, toEntityId: connection.target },
        { select: { kind: 'element', id } },
      );
    },
    [actions],
  );

  // Far zoomed out the relations are not React Flow's edges (FarRelations draws them): a click on the pane near
  // one selects it, as a click on the edge would (after React Flow has reset its own selection on the click).
  const farClick = useRef<{ far: boolean; edges: readonly RelationFlowEdge[] }>({ far: false, edges: [] });
  // Stable, like every other prop: a new function would re-render React Flow's whole tree on every drag step.
  const onPaneClick = useCallback(
    (event: React.MouseEvent) => {
      const { far, edges } = farClick.current;
      const at = far ? flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }) : null;
      const { nodeLookup, transform } = flowStore.getState();
      const hit = at && relationAt(edges, nodeLookup, at.x, at.y, hitDistance(transform[2]));
      if (hit) queueMicrotask(() => actions.select({ kind: 'element', id: hit }));
      else actions.select(null);
    },
    [actions, flow, flowStore],
  );
  // The first frame starts where fit view is expected to end (from estimated box sizes, once the pane's size is
  // known), so a large design's boxes are built once, as stripes, instead of in full and then again as stripes.
  const holder = useRef<HTMLDivElement>(null);
  const [firstView, setFirstView] = useState<Viewport | null>(null);
  const firstNodes = useRef(nodes);
  useLayoutEffect(() => {
    const pane = holder.current?.getBoundingClientRect();
    if (pane) setFirstView(estimatedFitView(firstNodes.current, pane.width, pane.height));
  }, []);
  const far = useStore(selectFar) ?? (firstView ? firstView.zoom < COMPACT_ZOOM : false);
  // Zoomed in, a large design draws only the boxes in view. Far out (stripes, no labels) it draws them all: most
  // are in view anyway, and panning would otherwise mount and unmount boxes at every step.
  const onlyVisible = nodes.length > 120 && !far;
  farClick.current = { far, edges: stable.edges };
  const theme = useTheme();
  if (!firstView) return <div ref={holder} className="canvas-holder" />;
  return (
    <FarZoomContext.Provider value={far}>
      <ReactFlow<FlowNode>
        className={far ? 'is-far' : undefined}
        nodes={nodes}
        edges={far ? NO_EDGES : stable.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        nodesDraggable={!readOnly && !reviewing}
        nodesConnectable={!readOnly && !reviewing}
        onPaneClick={onPaneClick}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        selectionMode={SelectionMode.Partial}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultViewport={firstView}
        minZoom={MIN_ZOOM}
        onlyRenderVisibleElements={onlyVisible}
        proOptions={{ hideAttribution: true }}
        colorMode={theme}
        aria-label="Design canvas"
      >
        <Background gap={GRID_STEP} size={1} />
        {far && <FarRelations edges={stable.edges} />}
        <Minimap width={MINIMAP.width} height={MINIMAP.height} label="Minimap" />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
        <CanvasKeyboard />
      </ReactFlow>
    </FarZoomContext.Provider>
  );
}

import type { Selection } from '../store/editor-state';
import type { Flow, FlowNode, RelationFlowEdge } from './flow-types';

function customRoutesOf(node: FlowNode) {
  if (node.type === 'entity') return node.data.customRoutes;
  return node.type === 'endpoints' ? node.data.routes : [];
}

/** Marks what the selection points at: the selected node/edge and the highlighted row or route. */
export function withSelection(flow: Flow, selection: Selection): Flow {
  if (selection === null || selection.kind === 'auth') return flow;
  if (selection.kind === 'nodes') {
    const ids = new Set(selection.ids);
    return { ...flow, nodes: flow.nodes.map((n) => (ids.has(n.id) ? { ...n, selected: true } : n)) };
  }
  let nodeId: string | null = null;
  let rowKey: string | undefined;
  let edgeId: string | null = null;
  if (selection.kind === 'endpoint') {
    nodeId = selection.entityId;
    rowKey = `route:${selection.operation}`;
  } else if (flow.nodes.some((n) => n.id === selection.id)) {
    nodeId = selection.id;
  } else {
    const owner = flow.nodes.find(
      (n) => n.type === 'entity' && n.data.rows.some((r) => r.key === selection.id),
    );
    const customOwner = flow.nodes.find((n) => customRoutesOf(n).some((r) => r.id === selection.id));
    if (owner) {
      nodeId = owner.id;
      rowKey = selection.id;
    } else if (customOwner) {
      nodeId = customOwner.id;
      rowKey = `custom:${selection.id}`;
    }
    if (flow.edges.some((e) => e.id === selection.id)) edgeId = selection.id;
  }
  const nodes = flow.nodes.map((node): FlowNode => {
    if (node.id !== nodeId) return node;
    if (rowKey === undefined) return { ...node, selected: true };
    if (node.type === 'entity') return { ...node, data: { ...node.data, selectedKey: rowKey } };
    if (node.type === 'endpoints') return { ...node, data: { ...node.data, selectedKey: rowKey } };
    return node;
  });
  const edges = flow.edges.map(
    (edge): RelationFlowEdge => (edge.id === edgeId ? { ...edge, selected: true } : edge),
  );
  return { nodes, edges };
}

/** Deep equality for the plain JSON-like values a flow is made of. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => sameValue(aRecord[key], bRecord[key]));
}

/**
 * Returns `next`, reusing each item of `previous` that is deep-equal to its successor, so React Flow and the
 * memoized node components skip everything that did not change (it compares node objects by reference).
 */
export function reuseUnchanged<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const result = next.map((item, index) => {
    const old = byId.get(item.id);
    if (old !== undefined && sameValue(old, item)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? result : (previous as T[]);
}

import type { NodeChange } from '@xyflow/react';
import type { Selection } from '../store/editor-state';
import type { Flow, FlowNode } from './flow-types';

/**
 * Boxes picked together on the canvas (Ctrl/Cmd-click, Shift-drag a rectangle), for "Layout selection". This
 * is view state: the inspector still shows one element (the last one picked), and a pick only counts while
 * that element is part of it, so selecting anything else elsewhere (inspector, Escape) leaves no stale picks.
 * `picked` is what the canvas shows selected when React Flow reports the changes.
 */
export function applyPicks(
  picked: ReadonlySet<string>,
  changes: readonly NodeChange<FlowNode>[],
): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const change of changes) {
    if (change.type !== 'select' || picked.has(change.id) === change.selected) continue;
    next ??= new Set(picked);
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return next ?? picked;
}

/** The picks that count (see `applyPicks`), as ids of boxes that still exist. */
export function activePicks(
  flow: Flow,
  picked: ReadonlySet<string>,
  selection: Selection,
): ReadonlySet<string> {
  if (selection?.kind !== 'element' || !picked.has(selection.id)) return new Set();
  const ids = new Set(flow.nodes.map((n) => n.id));
  return new Set([...picked].filter((id) => ids.has(id)));
}

/** Marks the picked boxes selected (the selection's own node is marked by `withSelection`). */
export function withPicks(nodes: FlowNode[], picks: ReadonlySet<string>): FlowNode[] {
  if (picks.size < 2) return nodes;
  return nodes.map((node) => (picks.has(node.id) && !node.selected ? { ...node, selected: true } : node));
}

/**
 * After Ctrl/Cmd-clicking a picked box off the picks, the inspector moves to another picked box (else the
 * remaining picks would stop counting, see `activePicks`). Null when nothing needs to move.
 */
export function pickToShow(
  changes: readonly NodeChange<FlowNode>[],
  picks: ReadonlySet<string>,
): string | null {
  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length === 0 || selects.some((c) => c.selected) || picks.size === 0) return null;
  return [...picks].at(-1) ?? null;
}

import type { FlowNode } from './flow-types';

export const NODE_WIDTH = 264;

/** Size estimate from content (kept in line with editor.css), used by auto layout before/without measuring. */
export function estimatedNodeSize(node: FlowNode): { width: number; height: number } {
  if (node.measured?.width && node.measured.height) {
    return { width: node.measured.width, height: node.measured.height };
  }
  if (node.type === 'enum') return { width: 200, height: 34 + Math.max(1, node.data.values.length) * 20 + 8 };
  const routeList = (n: number) => (n ? 8 + n * 20 : 0);
  if (node.type === 'endpoints')
    return { width: NODE_WIDTH, height: 40 + routeList(node.data.routes.length) };
  if (node.data.collapsed) return { width: NODE_WIDTH, height: 36 };
  const routes =
    routeList(node.data.routes.length) +
    routeList(node.data.behaviourRoutes.length) +
    routeList(node.data.customRoutes.length);
  return { width: NODE_WIDTH, height: 40 + node.data.rows.length * 22 + routes + 6 };
}

/**
 * The boxes draw from their id, data and selection only: React Flow also hands them their measured size and
 * position, which change when the browser measures them and on every drag step, without changing the box.
 */
export const sameBox = (
  a: { id: string; data: unknown; selected?: boolean },
  b: { id: string; data: unknown; selected?: boolean },
) => a.id === b.id && a.data === b.data && a.selected === b.selected;

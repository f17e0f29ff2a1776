import type { CrudOperationName, Design } from '@/lib/design';
import { behaviourRouteLabel, behaviourRoutes } from '../model/behaviour-routes';
import { entityRoutes, resourcePath } from '../model/routes';
import type { Selection } from '../store/editor-state';
import { fuzzyScore } from './fuzzy';

/** One thing the search palette can jump to: what it selects, and the box to show. */
export type SearchItem = {
  key: string;
  label: string;
  kind:
    | 'Entity'
    | 'Field'
    | 'Computed field'
    | 'Enum'
    | 'Relation'
    | 'Route'
    | 'Action'
    | 'Viewer list'
    | 'Custom endpoint';
  detail: string;
  selection: Selection;
  /** The canvas box to centre on; a custom endpoint tries its own node first (see `preferNodeId`). */
  nodeId: string | null;
  preferNodeId?: string;
};

function routeLabel(method: string, path: string): string {
  return `${method} ${path}`;
}

/** Everything searchable in the design, in design order. */
export function searchItems(design: Design): SearchItem[] {
  const items: SearchItem[] = [];
  const names = new Map(design.entities.map((e) => [e.id, e.name || '(unnamed)']));
  for (const entity of design.entities) {
    const name = entity.name || '(unnamed)';
    items.push({
      key: entity.id,
      label: name,
      kind: 'Entity',
      detail: `${entity.fields.length} fields`,
      selection: { kind: 'element', id: entity.id },
      nodeId: entity.id,
    });
    for (const field of entity.fields) {
      items.push({
        key: field.id,
        label: `${name}.${field.name || '(unnamed)'}`,
        kind: 'Field',
        detail: field.type,
        selection: { kind: 'element', id: field.id },
        nodeId: entity.id,
      });
    }
    for (const computed of entity.computed ?? []) {
      items.push({
        key: computed.id,
        label: `${name}.${computed.name || '(unnamed)'}`,
        kind: 'Computed field',
        detail: computed.kind,
        selection: { kind: 'element', id: computed.id },
        nodeId: entity.id,
      });
    }
    for (const route of entityRoutes(entity)) {
      items.push({
        key: `${entity.id}:${route.operation}`,
        label: routeLabel(route.method, route.path),
        kind: 'Route',
        detail: `${name} ${route.operation}`,
        selection: { kind: 'endpoint', entityId: entity.id, operation: route.operation as CrudOperationName },
        nodeId: entity.id,
      });
    }
    // Actions and viewer lists open where the canvas rows do: the item's and the list's endpoint settings.
    for (const route of behaviourRoutes(entity, design)) {
      const list = route.kind === 'viewer-list';
      items.push({
        key: route.id,
        label: behaviourRouteLabel(route),
        kind: list ? 'Viewer list' : 'Action',
        detail: `${name} ${list ? 'viewer list' : `${route.kind} action`}`,
        selection: { kind: 'endpoint', entityId: entity.id, operation: list ? 'list' : 'get' },
        nodeId: entity.id,
      });
    }
  }
  for (const designEnum of design.enums) {
    items.push({
      key: designEnum.id,
      label: designEnum.name || '(unnamed)',
      kind: 'Enum',
      detail: designEnum.values.slice(0, 4).join(', '),
      selection: { kind: 'element', id: designEnum.id },
      nodeId: designEnum.id,
    });
  }
  for (const relation of design.relations) {
    const from = names.get(relation.fromEntityId) ?? '?';
    items.push({
      key: relation.id,
      label: `${from}.${relation.fieldName} → ${names.get(relation.toEntityId) ?? '?'}`,
      kind: 'Relation',
      detail: relation.kind,
      selection: { kind: 'element', id: relation.id },
      nodeId: relation.fromEntityId,
    });
  }
  const byId = new Map(design.entities.map((e) => [e.id, e]));
  for (const endpoint of design.customEndpoints) {
    const owner = endpoint.entityId === undefined ? undefined : byId.get(endpoint.entityId);
    const path = owner ? `${resourcePath(owner)}${endpoint.path}` : endpoint.path;
    items.push({
      key: endpoint.id,
      label: routeLabel(endpoint.method, path),
      kind: 'Custom endpoint',
      detail: endpoint.summary || (owner ? (names.get(owner.id) ?? '') : ''),
      // Until the canvas shows custom endpoints as boxes, their entity stands for them.
      selection: owner ? { kind: 'element', id: owner.id } : null,
      nodeId: owner?.id ?? null,
      preferNodeId: endpoint.id,
    });
  }
  return items;
}

/** The best matches first (ties keep design order); everything, up to `limit`, for an empty query. */
export function searchDesign(items: readonly SearchItem[], query: string, limit = 50): SearchItem[] {
  if (query.trim() === '') return items.slice(0, limit);
  const scored: { item: SearchItem; score: number; index: number }[] = [];
  for (const [index, item] of items.entries()) {
    const score = fuzzyScore(query, item.label);
    if (score !== null) scored.push({ item, score, index });
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}

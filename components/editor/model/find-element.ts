import {
  type ComputedField,
  CUSTOM_ENDPOINTS_NODE_ID,
  type CustomEndpoint,
  type Design,
  type DesignEnum,
  type Entity,
  type Field,
  type Relation,
  type UniqueConstraint,
} from '@/lib/design';
import type { Selection } from '../store/editor-state';

export type FoundElement =
  | { kind: 'entity'; entity: Entity }
  | { kind: 'field'; entity: Entity; field: Field }
  /** Rows of their own in an entity's box (edited in the entity's inspector). */
  | { kind: 'computed'; entity: Entity; computed: ComputedField }
  | { kind: 'unique'; entity: Entity; unique: UniqueConstraint }
  | { kind: 'relation'; relation: Relation }
  | { kind: 'enum'; designEnum: DesignEnum }
  | { kind: 'customEndpoint'; endpoint: CustomEndpoint; index: number };

/** The boxes a selection covers (entities and enums): several for a box selection, one for an element. */
export function selectedNodeIds(design: Design, selection: Selection): readonly string[] {
  if (selection?.kind === 'nodes') return selection.ids;
  if (selection?.kind === 'endpoint') return [selection.entityId];
  if (selection?.kind !== 'element') return [];
  const found = findElement(design, selection.id);
  return found?.kind === 'entity' || found?.kind === 'enum' ? [selection.id] : [];
}

/** Resolves any selectable design id (ids are unique across kinds). */
export function findElement(design: Design, id: string): FoundElement | null {
  for (const entity of design.entities) {
    if (entity.id === id) return { kind: 'entity', entity };
    const field = entity.fields.find((f) => f.id === id);
    if (field) return { kind: 'field', entity, field };
    const computed = entity.computed?.find((c) => c.id === id);
    if (computed) return { kind: 'computed', entity, computed };
    const unique = entity.uniques?.find((u) => u.id === id);
    if (unique) return { kind: 'unique', entity, unique };
  }
  const relation = design.relations.find((r) => r.id === id);
  if (relation) return { kind: 'relation', relation };
  const designEnum = design.enums.find((e) => e.id === id);
  if (designEnum) return { kind: 'enum', designEnum };
  const index = design.customEndpoints.findIndex((c) => c.id === id);
  const endpoint = design.customEndpoints[index];
  if (endpoint) return { kind: 'customEndpoint', endpoint, index };
  return null;
}

/** The canvas node (entity, enum or the custom endpoints box) that shows an element, for centering the view on it. */
export function nodeIdFor(design: Design, id: string): string | null {
  const found = findElement(design, id);
  if (!found) return null;
  switch (found.kind) {
    case 'entity':
    case 'field':
    case 'computed':
    case 'unique':
      return found.entity.id;
    case 'relation':
      return found.relation.fromEntityId;
    case 'enum':
      return found.designEnum.id;
    case 'customEndpoint': {
      const entityId = found.endpoint.entityId;
      return entityId && design.entities.some((e) => e.id === entityId) ? entityId : CUSTOM_ENDPOINTS_NODE_ID;
    }
  }
}

export function selectionExists(design: Design, selection: Selection): boolean {
  if (selection === null || selection.kind === 'auth') return true;
  if (selection.kind === 'endpoint') return design.entities.some((e) => e.id === selection.entityId);
  if (selection.kind === 'nodes') return selection.ids.every((id) => findElement(design, id) !== null);
  return findElement(design, selection.id) !== null;
}

/** The element id a selection is about (endpoint settings belong to their entity). */
export function selectedElementId(selection: Selection): string | null {
  if (selection === null || selection.kind === 'auth') return null;
  if (selection.kind === 'nodes') return selection.ids[0] ?? null;
  return selection.kind === 'endpoint' ? selection.entityId : selection.id;
}

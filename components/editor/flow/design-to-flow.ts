import {
  CUSTOM_ENDPOINTS_NODE_ID,
  type Design,
  type Entity,
  type Field,
  holdsForeignKey,
  type Problem,
  type RelationKind,
  tableNameFor,
} from '@/lib/design';
import { behaviourRoutes } from '../model/behaviour-routes';
import { type CustomRouteView, customRoute, entityRoutes } from '../model/routes';
import { computedRow, derivedTitle, uniqueRow } from './behaviour-rows';
import type { FieldRow, Flow, FlowNode, RelationFlowEdge, RowMark } from './flow-types';

export const CARDINALITY: Record<RelationKind, string> = {
  'many-to-one': 'N:1',
  'one-to-one': '1:1',
  'many-to-many': 'N:M',
};

const GRID = { columns: 6, width: 320, height: 360 };

/** Where a node without a layout entry goes: a grid after everything else, so nothing stacks. */
function fallbackPosition(index: number) {
  return { x: (index % GRID.columns) * GRID.width, y: Math.floor(index / GRID.columns) * GRID.height };
}

export function fieldTypeLabel(field: Field, design: Design): string {
  switch (field.type) {
    case 'enum':
      return design.enums.find((e) => e.id === field.enumId)?.name || 'enum';
    case 'decimal':
      return field.precision !== undefined ? `decimal(${field.precision},${field.scale ?? 0})` : 'decimal';
    case 'string':
      return field.constraints.maxLength !== undefined ? `string(${field.constraints.maxLength})` : 'string';
    default:
      return field.type;
  }
}

function fieldMarks(field: Field): RowMark[] {
  const marks: RowMark[] = [];
  if (field.unique) marks.push('unique');
  else if (field.indexed) marks.push('indexed');
  if (field.nullable) marks.push('nullable');
  if (field.visibility === 'owner' && !field.writeOnly && field.type !== 'password') marks.push('owner');
  if (field.readOnly) marks.push('readOnly');
  if (field.derive) marks.push('derived');
  return marks;
}

function entityRows(design: Design, entity: Entity, entitiesById: Map<string, Entity>): FieldRow[] {
  const rows: FieldRow[] = [
    {
      key: `${entity.id}:pk`,
      kind: 'pk',
      name: 'id',
      type: entity.primaryKey,
      marks: ['pk'],
      selectId: null,
    },
  ];
  for (const field of entity.fields) {
    rows.push({
      key: field.id,
      kind: 'field',
      name: field.name,
      type: fieldTypeLabel(field, design),
      marks: fieldMarks(field),
      selectId: field.id,
      ...(field.derive ? { title: derivedTitle(field.derive, entity) } : {}),
    });
  }
  for (const relation of design.relations) {
    if (relation.fromEntityId !== entity.id || !holdsForeignKey(relation)) continue;
    const marks: RowMark[] = ['fk'];
    if (relation.kind === 'one-to-one') marks.push('unique');
    if (relation.nullable) marks.push('nullable');
    rows.push({
      key: relation.id,
      kind: 'fk',
      name: `${relation.fieldName}_id`,
      type: entitiesById.get(relation.toEntityId)?.primaryKey ?? 'int',
      marks,
      selectId: relation.id,
    });
  }
  for (const computed of entity.computed ?? []) rows.push(computedRow(design, entity, computed));
  if (entity.timestamps) {
    for (const name of ['created_at', 'updated_at']) {
      rows.push({
        key: `${entity.id}:${name}`,
        kind: 'timestamp',
        name,
        type: 'datetime',
        marks: [],
        selectId: null,
      });
    }
  }
  for (const unique of entity.uniques ?? []) rows.push(uniqueRow(design, entity, unique));
  return rows;
}

/** Problems per canvas node (a field's or relation's problem counts on its entity). */
function problemCounts(design: Design, problems: readonly Problem[]): Map<string, number> {
  const owner = new Map<string, string>();
  for (const entity of design.entities) {
    owner.set(entity.id, entity.id);
    for (const field of entity.fields) owner.set(field.id, entity.id);
    // Behaviour blocks have ids of their own; their problems count on their entity's box.
    const { resource } = entity;
    for (const block of [
      ...(entity.computed ?? []),
      ...(entity.uniques ?? []),
      ...(resource.actions ?? []),
      ...(resource.viewerLists ?? []),
    ])
      owner.set(block.id, entity.id);
  }
  for (const relation of design.relations) owner.set(relation.id, relation.fromEntityId);
  for (const designEnum of design.enums) owner.set(designEnum.id, designEnum.id);
  for (const endpoint of design.customEndpoints) {
    const entityId = endpoint.entityId;
    owner.set(
      endpoint.id,
      entityId && owner.get(entityId) === entityId ? entityId : CUSTOM_ENDPOINTS_NODE_ID,
    );
  }
  const counts = new Map<string, number>();
  for (const problem of problems) {
    const nodeId = problem.elementId === undefined ? undefined : owner.get(problem.elementId);
    if (nodeId !== undefined) counts.set(nodeId, (counts.get(nodeId) ?? 0) + 1);
  }
  return counts;
}

/** Custom endpoints per entity id; those of no (existing) entity under CUSTOM_ENDPOINTS_NODE_ID. */
function customRoutesByNode(
  design: Design,
  entitiesById: Map<string, Entity>,
): Map<string, CustomRouteView[]> {
  const byNode = new Map<string, CustomRouteView[]>();
  for (const endpoint of design.customEndpoints) {
    const entity = endpoint.entityId === undefined ? undefined : entitiesById.get(endpoint.entityId);
    const key = entity?.id ?? CUSTOM_ENDPOINTS_NODE_ID;
    byNode.set(key, [...(byNode.get(key) ?? []), customRoute(endpoint, entity)]);
  }
  return byNode;
}

/**
 * The canvas as a pure projection of the design: one node per entity and enum, one edge per relation;
 * custom endpoints are listed in their entity's box, those of no entity in one box of their own.
 * `proposed` marks what an assistant proposal adds or changes.
 */
export function designToFlow(
  design: Design,
  problems: readonly Problem[] = [],
  proposed: ReadonlySet<string> = new Set(),
): Flow {
  const entitiesById = new Map(design.entities.map((e) => [e.id, e]));
  const counts = problemCounts(design, problems);
  const custom = customRoutesByNode(design, entitiesById);
  let unplaced = 0;
  const position = (id: string) => {
    const node = design.layout.nodes[id];
    return node ? { x: node.x, y: node.y } : fallbackPosition(design.entities.length + unplaced++);
  };
  const nodes: FlowNode[] = design.entities.map((entity) => ({
    id: entity.id,
    type: 'entity',
    position: position(entity.id),
    ariaLabel: `Entity ${entity.name || '(unnamed)'}`,
    data: {
      name: entity.name,
      tableName: entity.tableName ?? tableNameFor(entity.name),
      rows: entityRows(design, entity, entitiesById),
      routes: entityRoutes(entity, design),
      behaviourRoutes: behaviourRoutes(entity, design),
      customRoutes: custom.get(entity.id) ?? [],
      problemCount: counts.get(entity.id) ?? 0,
      collapsed: design.layout.nodes[entity.id]?.collapsed ?? false,
      ...(proposed.has(entity.id) ? { proposed: true } : {}),
    },
  }));
  for (const designEnum of design.enums) {
    nodes.push({
      id: designEnum.id,
      type: 'enum',
      position: position(designEnum.id),
      ariaLabel: `Enum ${designEnum.name || '(unnamed)'}`,
      data: {
        name: designEnum.name,
        values: designEnum.values,
        problemCount: counts.get(designEnum.id) ?? 0,
        ...(proposed.has(designEnum.id) ? { proposed: true } : {}),
      },
    });
  }
  const loose = custom.get(CUSTOM_ENDPOINTS_NODE_ID);
  if (loose) {
    nodes.push({
      id: CUSTOM_ENDPOINTS_NODE_ID,
      type: 'endpoints',
      position: position(CUSTOM_ENDPOINTS_NODE_ID),
      ariaLabel: 'Custom endpoints',
      data: {
        routes: loose,
        problemCount: counts.get(CUSTOM_ENDPOINTS_NODE_ID) ?? 0,
        ...(loose.some((r) => proposed.has(r.id)) ? { proposed: true } : {}),
      },
    });
  }
  const edges: RelationFlowEdge[] = design.relations.map((relation) => {
    const from = entitiesById.get(relation.fromEntityId)?.name ?? '?';
    const to = entitiesById.get(relation.toEntityId)?.name ?? '?';
    const cardinality = CARDINALITY[relation.kind];
    return {
      id: relation.id,
      type: 'relation',
      source: relation.fromEntityId,
      target: relation.toEntityId,
      sourceHandle: 'out',
      targetHandle: 'in',
      ariaLabel: `Relation ${from}.${relation.fieldName} to ${to} (${cardinality})`,
      data: {
        kind: relation.kind,
        cardinality,
        fieldName: relation.fieldName,
        backrefName: relation.backrefName,
        ...(proposed.has(relation.id) ? { proposed: true } : {}),
      },
    };
  });
  return { nodes, edges };
}

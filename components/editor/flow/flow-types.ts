import type { Edge, Node } from '@xyflow/react';
import type { RelationKind } from '@/lib/design';
import type { CustomRouteView, RouteView } from '../model/routes';

export type RowMark = 'pk' | 'fk' | 'unique' | 'nullable' | 'indexed' | 'owner' | 'readOnly';

/** One line of an entity box: the primary key, a field, a timestamp or a foreign-key column. */
export type FieldRow = {
  key: string;
  kind: 'pk' | 'field' | 'fk' | 'timestamp';
  name: string;
  type: string;
  marks: RowMark[];
  /** Element selected when the row is clicked (a field, or the relation behind an FK column). */
  selectId: string | null;
};

export type EntityNodeData = {
  name: string;
  tableName: string;
  rows: FieldRow[];
  routes: RouteView[];
  /** Hand-written endpoints that belong to this entity. */
  customRoutes: CustomRouteView[];
  problemCount: number;
  collapsed: boolean;
  /** Row or route key highlighted by the current selection (set by `withSelection`). */
  selectedKey?: string;
  /** Added or changed by the assistant proposal under review. */
  proposed?: boolean;
};

export type EnumNodeData = { name: string; values: string[]; problemCount: number; proposed?: boolean };

/** The box of custom endpoints that belong to no entity. */
export type EndpointsNodeData = {
  routes: CustomRouteView[];
  problemCount: number;
  selectedKey?: string;
  proposed?: boolean;
};

export type EntityFlowNode = Node<EntityNodeData, 'entity'>;
export type EnumFlowNode = Node<EnumNodeData, 'enum'>;
export type EndpointsFlowNode = Node<EndpointsNodeData, 'endpoints'>;
export type FlowNode = EntityFlowNode | EnumFlowNode | EndpointsFlowNode;

export type RelationEdgeData = {
  kind: RelationKind;
  cardinality: string;
  fieldName: string;
  backrefName: string;
  proposed?: boolean;
};
export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

export type Flow = { nodes: FlowNode[]; edges: RelationFlowEdge[] };
